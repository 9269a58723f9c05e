package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.Severity;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What is recorded when a complaint is received: its id, the customer, the channel, category,
 * severity and the customer's own description (personal data: never printed by
 * {@link #toString()}), and the complaint it follows up, if any.
 *
 * <pre>{@code
 * ComplaintIntake intake = ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17")).channel(Channel.PHONE)
 *         .category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH).description("engine light on").build();
 * }</pre>
 */
@Value.Immutable
public abstract class ComplaintIntake {

    ComplaintIntake() {
    }

    /** @return the complaint's identifier, not blank, at most 128 characters, no control characters */
    public abstract String id();

    /** @return the complaining customer */
    public abstract CustomerId customer();

    /** @return how the complaint came in */
    public abstract Channel channel();

    /** @return what the complaint is about */
    public abstract ComplaintCategory category();

    /** @return how urgent it is; picks the SLA targets */
    public abstract Severity severity();

    /** @return the customer's description in their words, possibly empty; personal data */
    @Value.Default
    public String description() {
        return "";
    }

    /** @return the id of the earlier complaint this one follows up (a reopen after the window), if any */
    public abstract Optional<String> linkedTo();

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a complaint intake's fields; {@code build()} runs the intake's checks. Not thread-safe:
     * use it on one thread.
     */
    public static final class Builder extends ImmutableComplaintIntake.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        checkArgument(!id().isBlank(), "complaint id is blank: give the complaint an id");
        checkArgument(id().length() <= 128, "complaint id of length %s is too long: at most 128 characters",
                id().length());
        checkArgument(id().chars().noneMatch(Character::isISOControl), "complaint id must not contain control characters");
        checkArgument(description().length() <= 10_000,
                "description of complaint %s has %s characters: at most 10000", id(), description().length());
        linkedTo().ifPresent(l -> {
            checkArgument(!l.isBlank() && l.length() <= 128 && l.chars().noneMatch(Character::isISOControl),
                    "linkedTo of complaint %s must be a complaint id: not blank, at most 128 characters, no control "
                            + "characters", id());
            checkArgument(!l.equals(id()), "complaint %s cannot follow up itself", id());
        });
    }

    /** Shows everything but the description, which may hold personal data. */
    @Override
    public String toString() {
        return "ComplaintIntake[id=" + id() + ", customer=" + customer().masked() + ", channel=" + channel() + ", category="
                + category() + ", severity=" + severity() + ", description=<" + description().length()
                + " chars>" + linkedTo().map(l -> ", linkedTo=" + l).orElse("") + "]";
    }
}
