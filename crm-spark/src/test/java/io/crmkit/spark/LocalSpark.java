package io.crmkit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of one test class: {@code local[2]}, few shuffle partitions, no UI, bound to
 * the loopback address, so that it starts in a few seconds on a build machine.
 */
final class LocalSpark {

    private LocalSpark() {
    }

    /** @return a new session; the test class stops it after its last test */
    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }
}
