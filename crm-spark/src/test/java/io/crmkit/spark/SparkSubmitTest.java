package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.BetaGeoModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar of the {@code package} phase, submitted as a user would submit it: a child JVM
 * runs Spark's own {@code org.apache.spark.deploy.SparkSubmit} (what the {@code spark-submit}
 * script of a Spark distribution runs) on a class path of Spark's jars only — crmkit and its
 * Guava reach it through the shaded jar alone — with {@code --class
 * io.crmkit.spark.examples.SparkScoring} on the bundled CDNOW log, CSV in, Parquet out. The
 * command is the one printed in README.md ("When one machine is too small"), flags included.
 *
 * <p>Tagged {@value #TAG}: crm-spark's pom runs it in the {@code integration-test} phase, after
 * the shaded jar exists, and passes the jar's path as the system property {@value #JAR_PROPERTY}.
 */
@Tag(SparkSubmitTest.TAG)
class SparkSubmitTest {

    static final String TAG = "spark-submit";
    static final String JAR_PROPERTY = "crmkit.spark.shadedJar";

    /** The flags Spark 3.5's launcher adds on Java 17 (JavaModuleOptions), as the README prints them. */
    static final List<String> ADD_OPENS = List.of(
            "java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.lang.reflect", "java.base/java.io",
            "java.base/java.net", "java.base/java.nio", "java.base/java.util", "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic", "java.base/sun.nio.ch", "java.base/sun.nio.cs",
            "java.base/sun.security.action", "java.base/sun.util.calendar");

    @Test
    void theShadedJarScoresCdnowThroughSparkSubmit(@TempDir Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/crm-spark-0.1.0-SNAPSHOT-all.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " is built in the package phase");
        Path out = dir.resolve("cdnow-scores");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        ADD_OPENS.forEach(p -> command.add("--add-opens=" + p + "=ALL-UNNAMED"));
        command.add("-cp");
        command.add(sparkJars() + File.pathSeparator + jar);
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--class", "io.crmkit.spark.examples.SparkScoring",
                "--conf", "spark.sql.shuffle.partitions=8", "--conf", "spark.ui.enabled=false",
                jar.toString(), "../data/cdnow-transactions.csv", "1997-09-30", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("spark-submit.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("spark-submit.log"), StandardCharsets.UTF_8);
        assertTrue(done, "spark-submit still ran after 5 minutes:\n" + tail(log));
        assertEquals(0, process.exitValue(), "spark-submit failed:\n" + tail(log));

        // the parameters printed by the job are the single JVM's BG/NBD fit on the same log
        Matcher printed = Pattern.compile("bgnbd \\{r=([^,]+), alpha=([^,]+), a=([^,]+), b=([^}]+)}").matcher(log);
        assertTrue(printed.find(), "no BG/NBD parameters in the output:\n" + tail(log));
        BetaGeoModel single = BetaGeoModel.fit(new SingleJvmReference(CdnowParityTest.cdnowRows(),
                LocalDate.of(1997, 9, 30), ParityCheck.WEEKS).columns);
        Map<String, Double> expected = single.parameters();
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < names.length; i++) {
            ParityCheck.assertRelative(expected.get(names[i]), Double.parseDouble(printed.group(i + 1)), 1e-9,
                    "bgnbd " + names[i] + " through spark-submit");
        }

        // and the Parquet output holds every CDNOW customer
        SparkSession spark = LocalSpark.start("SparkSubmitTest");
        try {
            assertEquals(2357, spark.read().parquet(out.resolve("customers").toString()).count());
            assertEquals(List.of("customer_id", "recency", "frequency", "monetary", "r", "f", "m", "segment", "abc"),
                    Arrays.asList(spark.read().parquet(out.resolve("rfm").toString()).columns()));
        } finally {
            spark.stop();
        }
    }

    /**
     * This JVM's class path without crmkit's own classes and jars, the test classes and the test
     * engines: what a Spark installation has in its {@code jars/} directory.
     */
    private static String sparkJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(entry -> !entry.contains(File.separator + "io" + File.separator + "crmkit" + File.separator))
                .filter(entry -> !entry.contains(File.separator + "target" + File.separator))
                .filter(entry -> !entry.matches(".*(junit|opentest4j|apiguardian|surefire|jqwik).*"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
