/**
 * Complaint handling as an immutable value with a replayable history: a
 * {@link io.crmkit.lifecycle.complaint.Complaint} moves through the states of ISO 10002 §7 and the
 * dealer's steps accept → handle → escalate → close and evaluate, one
 * {@link io.crmkit.lifecycle.complaint.ComplaintEvent} per command, along the single transition
 * table of {@link io.crmkit.lifecycle.complaint.ComplaintWorkflow} (which also draws the
 * diagrams). Refused commands throw a
 * {@link io.crmkit.lifecycle.complaint.ComplaintRefusedException} that says whether the transition
 * does not exist or a guard refused it, and why. Each row of the table carries its trigger's
 * effect on the complaint and its SLA clocks, and guards see a
 * {@link io.crmkit.lifecycle.complaint.GuardContext} value; SLA clocks, pending actions (always
 * commands the table permits now) and statistics are computed from the history, never from
 * background timers. Events are hash-chained (SHA-256), and
 * {@link io.crmkit.lifecycle.complaint.Complaint#replay(Iterable, String)} accepts only a history
 * that commands could have recorded, ending at the expected head. Nullness: the package is
 * {@code @NullMarked} (JSpecify), so nothing is {@code null} except what a guard's reason function
 * returns, which may be {@code null} for the default reason
 * ({@link io.crmkit.lifecycle.complaint.Guard#of}); elsewhere an absent value is an empty
 * {@link java.util.Optional}.
 */
@NullMarked
@Value.Style(
        get = {"get*", "is*"},
        strictBuilder = true,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true),
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true)
package io.crmkit.lifecycle.complaint;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
