package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionSmokeTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("smoke");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void countsARange() {
        assertEquals(1000, spark.range(1000).repartition(3).count());
    }
}
