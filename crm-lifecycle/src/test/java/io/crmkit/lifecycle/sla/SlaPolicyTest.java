package io.crmkit.lifecycle.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final BusinessCalendar always = BusinessCalendar.alwaysOpen(ZoneOffset.UTC);

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theSeedsThirtyMinuteRegistrationRuleHoldsForEverySeverity() {
        SlaPolicy standard = SlaPolicy.standard();
        for (Severity s : Severity.values()) {
            assertEquals(Duration.ofMinutes(30), standard.target(s, SlaClock.REGISTRATION));
        }
        assertEquals(Duration.ofHours(24), standard.target(Severity.CRITICAL, SlaClock.RESOLUTION));
    }

    @Test
    void targetsAreConfigurableAndMustBePositive() {
        SlaPolicy p = SlaPolicy.builder(always).target(Severity.HIGH, SlaClock.RESOLUTION, Duration.ofHours(12))
                .target(SlaClock.ACKNOWLEDGEMENT, Duration.ofMinutes(15)).build();
        assertEquals(Duration.ofHours(12), p.target(Severity.HIGH, SlaClock.RESOLUTION));
        assertEquals(Duration.ofMinutes(15), p.target(Severity.LOW, SlaClock.ACKNOWLEDGEMENT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlaPolicy.builder(always).target(Severity.LOW, SlaClock.RESOLUTION, Duration.ZERO));
        assertEquals("target PT0S for RESOLUTION clock of LOW complaints must be positive", e.getMessage());
    }

    @Test
    void aClockStoppedLateStaysBreachedAndOneStoppedInTimeIsMet() {
        SlaPolicy p = SlaPolicy.standard();
        ClockRun late = ClockRun.startedAt(T0).stoppedAt(at(40));
        SlaStatus s = p.status(SlaClock.REGISTRATION, Severity.LOW, late, at(500));
        assertEquals(ClockState.BREACHED, s.state());
        assertEquals(Duration.ofMinutes(10), s.overdue());
        assertEquals(at(40), s.stoppedAt().orElseThrow());
        assertTrue(s.dueAt().isEmpty());
        SlaStatus met = p.status(SlaClock.REGISTRATION, Severity.LOW, ClockRun.startedAt(T0).stoppedAt(at(30)), at(500));
        assertEquals(ClockState.MET, met.state());
        assertEquals(1.0, met.fractionUsed(), 1e-12);
        assertEquals(Set.of(SlaWarning.HALF_USED, SlaWarning.THREE_QUARTERS_USED), met.warnings());
    }

    @Test
    void pausedTimeDoesNotCountAndARestartResumesTheCount() {
        ClockRun run = ClockRun.startedAt(T0).pausedAt(at(10)).resumedAt(at(100)).stoppedAt(at(120))
                .restartedAt(at(1000));
        assertEquals(Duration.ofMinutes(30), run.businessTime(always, at(1000)));
        assertEquals(Duration.ofMinutes(35), run.businessTime(always, at(1005)));
        assertEquals(Duration.ofMinutes(10), run.businessTime(always, at(50)));
        assertTrue(run.isPausedAt(at(50)));
        assertFalse(run.isPausedAt(at(110)));
        assertFalse(run.isStoppedAt(at(500)));
        assertTrue(run.stop().isEmpty());
        SlaStatus paused = SlaPolicy.standard().status(SlaClock.RESOLUTION, Severity.LOW, run, at(50));
        assertEquals(ClockState.PAUSED, paused.state());
    }

    @Test
    void marksOutOfOrderOrOutOfTurnAreRejected() {
        ClockRun run = ClockRun.startedAt(T0);
        assertThrows(IllegalArgumentException.class, () -> run.pausedAt(T0.minusSeconds(1)));
        assertThrows(IllegalStateException.class, () -> run.resumedAt(at(1)));
        assertThrows(IllegalStateException.class, () -> run.stoppedAt(at(1)).stoppedAt(at(2)));
        assertThrows(IllegalArgumentException.class, () -> run.businessTime(always, T0.minusSeconds(1)));
    }
}
