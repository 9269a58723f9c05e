package io.crmkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for tests that stands still until a test moves it. Not thread-safe. */
public final class TestClock extends Clock {

    private Instant now;
    private final ZoneId zone;

    private TestClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** @return a UTC clock standing at the instant */
    public static TestClock at(String instant) {
        return new TestClock(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** Moves the clock forward (or back, for tests of a misbehaving clock). */
    public TestClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
