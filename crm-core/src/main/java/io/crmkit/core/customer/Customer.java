package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.base.CaseFormat;
import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A customer's file (档案, docs/domain.md §1): a person or an organisation with a name, for a
 * person an optional birth date, gender and occupation, an optional national ID number, and
 * any number of {@link ContactPoint}s that change over time.
 *
 * <p>A customer is immutable. Every change ({@link #withName}, {@link #withContactPoint}, …)
 * names the actor who made it, takes the time from the {@link Clock} the file was opened with,
 * and returns a new version whose {@link #history()} has exactly one more {@link CustomerChange}
 * (old and new values masked); older versions are untouched. A change that sets a value the
 * file already holds is not a change: it returns this same version.
 *
 * <p>Personal data (national ID, phones, e-mail, addresses, the person's name, the birth date,
 * the occupation) is masked in {@link #toString()}, in the history and in exception messages.
 * Who bought and who uses a product is recorded on each purchase
 * ({@link io.crmkit.core.purchase.Purchase#purchaser()} and
 * {@link io.crmkit.core.purchase.Purchase#user()}), both referring to customers' ids.
 *
 * <pre>{@code
 * Customer zhang = Customer.person(CustomerId.of("c-17"), "张伟").birthDate(LocalDate.of(1990, 3, 7))
 *         .contactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "13812345678")).open("agent-7", clock);
 * Customer moved = zhang.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "13900001111"), "agent-7");
 * }</pre>
 */
public final class Customer {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The oldest birth date accepted, relative to today: 150 years. */
    public static final int MAX_AGE_YEARS = 150;

    /** Whether the customer is a natural person or an organisation. */
    public enum Kind {
        /** A natural person: may have a birth date, gender and occupation. */
        PERSON,
        /** A company, public body or association: has none of a person's attributes. */
        ORGANISATION
    }

    /** A person's gender as recorded in the customer file. */
    public enum Gender {
        /** Female. */
        FEMALE,
        /** Male. */
        MALE,
        /** Another gender, or one the customer preferred not to state. */
        OTHER
    }

    private final Clock clock;
    private final CustomerId id;
    private final Kind kind;
    private final String name;
    private final Optional<LocalDate> birthDate;
    private final Optional<Gender> gender;
    private final Optional<String> occupation;
    private final Optional<NationalId> nationalId;
    private final ImmutableList<ContactPeriod> contacts;
    private final ImmutableList<CustomerChange> history;

    private Customer(Builder b, ImmutableList<ContactPeriod> contacts, ImmutableList<CustomerChange> history) {
        this.clock = b.clock;
        this.id = b.id;
        this.kind = b.kind;
        this.name = b.name;
        this.birthDate = Optional.ofNullable(b.birthDate);
        this.gender = Optional.ofNullable(b.gender);
        this.occupation = Optional.ofNullable(b.occupation);
        this.nationalId = Optional.ofNullable(b.nationalId);
        this.contacts = contacts;
        this.history = history;
    }

    /**
     * Starts the file of a natural person.
     *
     * @param id the customer's id
     * @param name the person's name, not blank
     * @return a builder; finish with {@link Builder#open(String, Clock)}
     */
    public static Builder person(CustomerId id, String name) {
        return new Builder(id, Kind.PERSON, name);
    }

    /**
     * Starts the file of an organisation.
     *
     * @param id the customer's id
     * @param name the organisation's name, not blank
     * @return a builder; finish with {@link Builder#open(String, Clock)}
     */
    public static Builder organisation(CustomerId id, String name) {
        return new Builder(id, Kind.ORGANISATION, name);
    }

    /** @return the customer's id */
    public CustomerId id() {
        return id;
    }

    /** @return whether this is a person or an organisation */
    public Kind kind() {
        return kind;
    }

    /** @return the name; personal data for a person */
    public String name() {
        return name;
    }

    /** @return the birth date, if recorded (persons only) */
    public Optional<LocalDate> birthDate() {
        return birthDate;
    }

    /** @return the gender, if recorded (persons only) */
    public Optional<Gender> gender() {
        return gender;
    }

    /** @return the occupation, if recorded (persons only) */
    public Optional<String> occupation() {
        return occupation;
    }

    /** @return the national ID number, if recorded; its {@code toString()} is masked */
    public Optional<NationalId> nationalId() {
        return nationalId;
    }

    /** @return the current contact points, oldest first */
    public List<ContactPoint> contactPoints() {
        return contacts.stream().filter(ContactPeriod::isCurrent).map(ContactPeriod::point).collect(ImmutableList.toImmutableList());
    }

    /**
     * Returns the current contact points of one kind, oldest first.
     *
     * @param kind the kind
     * @return the current points of that kind, possibly empty
     */
    public List<ContactPoint> contactPoints(ContactPoint.Kind kind) {
        requireNonNull(kind, "kind");
        return contactPoints().stream().filter(p -> p.kind() == kind).collect(ImmutableList.toImmutableList());
    }

    /**
     * Returns the most recently recorded current contact point of a kind: the one to use.
     *
     * @param kind the kind
     * @return the point, or empty if the file has no current point of that kind
     */
    public Optional<ContactPoint> primary(ContactPoint.Kind kind) {
        List<ContactPoint> points = contactPoints(kind);
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    /**
     * Returns the contact points that were valid at an instant.
     *
     * @param instant the instant
     * @return the points valid then, oldest first
     */
    public List<ContactPoint> contactPointsAt(Instant instant) {
        requireNonNull(instant, "instant");
        return contacts.stream().filter(p -> p.isValidAt(instant)).map(ContactPeriod::point)
                .collect(ImmutableList.toImmutableList());
    }

    /** @return every contact point the file ever held with its period of validity, in the order recorded */
    public List<ContactPeriod> contactHistory() {
        return contacts;
    }

    /** @return the file's history, oldest first; the first entry opened the file */
    public List<CustomerChange> history() {
        return history;
    }

    /** @return the version of the file: the number of entries in its history */
    public int version() {
        return history.size();
    }

    /**
     * Renames the customer.
     *
     * @param newName the name, not blank
     * @param actor who made the change, not blank
     * @return the new version, or this one if the name is unchanged
     * @throws IllegalArgumentException if the name is blank or too long, or the actor is blank
     */
    public Customer withName(String newName, String actor) {
        String n = checkName(id, kind, newName);
        return name.equals(n) ? this : changed("name", maskName(kind, name), maskName(kind, n), actor, b -> b.name = n, contacts);
    }

    /**
     * Records or corrects the birth date of a person.
     *
     * @param date the birth date; not after today in the clock's zone, at most 150 years ago
     * @param actor who made the change, not blank
     * @return the new version, or this one if the date is unchanged
     * @throws IllegalArgumentException if the customer is an organisation or the date is out of range
     */
    public Customer withBirthDate(LocalDate date, String actor) {
        checkBirthDate(id, kind, date, clock);
        return birthDate.equals(Optional.of(date)) ? this : changed("birthDate",
                birthDate.map(Customer::maskDate).orElse(CustomerChange.NONE), maskDate(date), actor,
                b -> b.birthDate = date, contacts);
    }

    /**
     * Records or corrects the gender of a person.
     *
     * @param newGender the gender
     * @param actor who made the change, not blank
     * @return the new version, or this one if the gender is unchanged
     * @throws IllegalArgumentException if the customer is an organisation
     */
    public Customer withGender(Gender newGender, String actor) {
        checkPersonOnly(id, kind, "gender", newGender);
        return gender.equals(Optional.of(newGender)) ? this : changed("gender",
                gender.map(Gender::name).orElse(CustomerChange.NONE), newGender.name(), actor, b -> b.gender = newGender,
                contacts);
    }

    /**
     * Records or corrects the occupation of a person.
     *
     * @param newOccupation the occupation, not blank
     * @param actor who made the change, not blank
     * @return the new version, or this one if the occupation is unchanged
     * @throws IllegalArgumentException if the customer is an organisation or the occupation is blank
     */
    public Customer withOccupation(String newOccupation, String actor) {
        String o = checkOccupation(id, kind, newOccupation);
        return occupation.equals(Optional.of(o)) ? this : changed("occupation",
                occupation.map(Masking::text).orElse(CustomerChange.NONE), Masking.text(o), actor, b -> b.occupation = o,
                contacts);
    }

    /**
     * Records or corrects the national ID number.
     *
     * @param newId the number
     * @param actor who made the change, not blank
     * @return the new version, or this one if the number is unchanged
     * @throws IllegalArgumentException if the actor is blank
     */
    public Customer withNationalId(NationalId newId, String actor) {
        requireNonNull(newId, "nationalId");
        return nationalId.equals(Optional.of(newId)) ? this : changed("nationalId",
                nationalId.map(NationalId::masked).orElse(CustomerChange.NONE), newId.masked(), actor,
                b -> b.nationalId = newId, contacts);
    }

    /**
     * Makes a contact point the current one of its kind: current points of the same kind are
     * superseded (their period ends now). Use this when the customer's mobile number changes.
     *
     * @param point the new contact point
     * @param actor who made the change, not blank
     * @return the new version, or this one if the point is already the only current one of its kind
     * @throws IllegalArgumentException if the actor is blank
     */
    public Customer withContactPoint(ContactPoint point, String actor) {
        requireNonNull(point, "point");
        List<ContactPoint> current = contactPoints(point.kind());
        if (current.equals(List.of(point))) {
            return this;
        }
        Instant now = nextTime();
        List<ContactPeriod> next = new ArrayList<>();
        for (ContactPeriod p : contacts) {
            next.add(p.isCurrent() && p.point().kind() == point.kind() ? p.endedAt(now) : p);
        }
        next.add(new ContactPeriod(point, now, Optional.empty()));
        String old = current.isEmpty() ? CustomerChange.NONE
                : current.stream().map(ContactPoint::masked).collect(Collectors.joining(", "));
        return changedAt(now, fieldOf(point.kind()), old, point.masked(), actor, b -> { }, ImmutableList.copyOf(next));
    }

    /**
     * Adds a contact point alongside the current ones of its kind (a second e-mail address).
     *
     * @param point the contact point
     * @param actor who made the change, not blank
     * @return the new version, or this one if the point is already current
     * @throws IllegalArgumentException if the actor is blank
     */
    public Customer plusContactPoint(ContactPoint point, String actor) {
        requireNonNull(point, "point");
        if (contactPoints().contains(point)) {
            return this;
        }
        Instant now = nextTime();
        ImmutableList<ContactPeriod> next = ImmutableList.<ContactPeriod>builder().addAll(contacts)
                .add(new ContactPeriod(point, now, Optional.empty())).build();
        return changedAt(now, fieldOf(point.kind()), CustomerChange.NONE, point.masked(), actor, b -> { }, next);
    }

    /**
     * Ends a current contact point (the customer gave up the number); its period ends now.
     *
     * @param point a current contact point
     * @param actor who made the change, not blank
     * @return the new version
     * @throws IllegalArgumentException if the point is not current in this file; the message shows it masked
     */
    public Customer withoutContactPoint(ContactPoint point, String actor) {
        requireNonNull(point, "point");
        checkArgument(contactPoints().contains(point),
                "%s is not a current contact point of customer %s: only a current point can be removed", point, id.masked());
        Instant now = nextTime();
        ImmutableList<ContactPeriod> next = contacts.stream()
                .map(p -> p.isCurrent() && p.point().equals(point) ? p.endedAt(now) : p)
                .collect(ImmutableList.toImmutableList());
        return changedAt(now, fieldOf(point.kind()), point.masked(), CustomerChange.NONE, actor, b -> { }, next);
    }

    private Customer changed(String field, String oldValue, String newValue, String actor, Consumer<Builder> edit,
            ImmutableList<ContactPeriod> nextContacts) {
        return changedAt(nextTime(), field, oldValue, newValue, actor, edit, nextContacts);
    }

    private Customer changedAt(Instant now, String field, String oldValue, String newValue, String actor,
            Consumer<Builder> edit, ImmutableList<ContactPeriod> nextContacts) {
        checkActor(id, actor);
        Builder b = toBuilder();
        edit.accept(b);
        ImmutableList<CustomerChange> nextHistory = ImmutableList.<CustomerChange>builder().addAll(history)
                .add(new CustomerChange(id, history.size() + 1, now, actor, field, oldValue, newValue)).build();
        return new Customer(b, nextContacts, nextHistory);
    }

    private Instant nextTime() {
        Instant now = clock.instant();
        Instant last = history.get(history.size() - 1).time();
        checkArgument(!now.isBefore(last),
                "clock time %s is before the last change %s of customer %s: the history must stay in time order",
                now, last, id.masked());
        return now;
    }

    private Builder toBuilder() {
        Builder b = new Builder(id, kind, name);
        b.birthDate = birthDate.orElse(null);
        b.gender = gender.orElse(null);
        b.occupation = occupation.orElse(null);
        b.nationalId = nationalId.orElse(null);
        b.clock = clock;
        return b;
    }

    static String fieldOf(ContactPoint.Kind kind) {
        return CaseFormat.UPPER_UNDERSCORE.to(CaseFormat.LOWER_CAMEL, kind.name());
    }

    private static String maskName(Kind kind, String name) {
        return kind == Kind.PERSON ? Masking.personName(name) : name;
    }

    private static String maskDate(LocalDate date) {
        return date.getYear() + "-**-**";
    }

    private static void checkActor(CustomerId id, String actor) {
        requireNonNull(actor, "actor");
        checkArgument(!actor.isBlank(), "actor of a change to customer %s is blank: name who made the change", id.masked());
    }

    private static String checkName(CustomerId id, Kind kind, String name) {
        requireNonNull(name, "name");
        String n = name.strip();
        checkArgument(!n.isEmpty(), "name of customer %s is blank: a customer needs a name", id.masked());
        checkArgument(n.length() <= MAX_NAME_LENGTH && n.chars().noneMatch(Character::isISOControl),
                "name %s of customer %s (%s chars) is not a name: at most %s characters, no control characters",
                maskName(kind, n), id.masked(), n.length(), MAX_NAME_LENGTH);
        return n;
    }

    private static void checkPersonOnly(CustomerId id, Kind kind, String field, Object value) {
        requireNonNull(value, field);
        checkArgument(kind == Kind.PERSON, "%s of customer %s: an organisation has no %s, only a person has", field, id.masked(), field);
    }

    private static void checkBirthDate(CustomerId id, Kind kind, LocalDate date, Clock clock) {
        checkPersonOnly(id, kind, "birthDate", date);
        LocalDate today = LocalDate.now(clock);
        checkArgument(!date.isAfter(today),
                "birthDate %s of customer %s is after today %s (clock zone %s): a birth date cannot be in the future",
                maskDate(date), id.masked(), today, clock.getZone());
        checkArgument(!date.isBefore(today.minusYears(MAX_AGE_YEARS)),
                "birthDate %s of customer %s is more than %s years before today %s: check the year",
                maskDate(date), id.masked(), MAX_AGE_YEARS, today);
    }

    private static String checkOccupation(CustomerId id, Kind kind, String occupation) {
        checkPersonOnly(id, kind, "occupation", occupation);
        String o = occupation.strip();
        checkArgument(!o.isEmpty(), "occupation of customer %s is blank: leave it unset or name it", id.masked());
        checkArgument(o.length() <= MAX_NAME_LENGTH && o.chars().noneMatch(Character::isISOControl),
                "occupation %s of customer %s is too long or holds control characters: at most %s characters",
                Masking.text(o), id.masked(), MAX_NAME_LENGTH);
        return o;
    }

    /** Two versions are equal when every field, every contact period and the whole history are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c && id.equals(c.id) && kind == c.kind && name.equals(c.name)
                && birthDate.equals(c.birthDate) && gender.equals(c.gender) && occupation.equals(c.occupation)
                && nationalId.equals(c.nationalId) && contacts.equals(c.contacts) && history.equals(c.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, name, birthDate, gender, occupation, nationalId, contacts, history);
    }

    /**
     * Returns a summary with every piece of personal data masked.
     *
     * @return for example {@code Customer[c-17 PERSON 张**, born 1990-**-**, nationalId 110***********1234,
     *     contacts [MOBILE 138****5678, EMAIL z***@example.com], v3]}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Customer[").append(id.masked()).append(' ').append(kind).append(' ')
                .append(maskName(kind, name));
        birthDate.ifPresent(d -> s.append(", born ").append(maskDate(d)));
        nationalId.ifPresent(n -> s.append(", nationalId ").append(n.masked()));
        return s.append(", contacts ").append(contactPoints()).append(", v").append(version()).append(']').toString();
    }

    /**
     * Collects the first version of a customer file. Obtain one from {@link Customer#person} or
     * {@link Customer#organisation}; not thread-safe, use it on one thread.
     */
    public static final class Builder {
        private final CustomerId id;
        private final Kind kind;
        private String name;
        private @Nullable LocalDate birthDate;
        private @Nullable Gender gender;
        private @Nullable String occupation;
        private @Nullable NationalId nationalId;
        private final List<ContactPoint> points = new ArrayList<>();
        private @Nullable Clock clock;

        private Builder(CustomerId id, Kind kind, String name) {
            this.id = requireNonNull(id, "id");
            this.kind = kind;
            this.name = checkName(id, kind, name);
        }

        /**
         * Sets the birth date (persons only); checked against the clock when the file is opened.
         *
         * @param date the birth date
         * @return this builder
         * @throws IllegalArgumentException if the customer is an organisation
         */
        public Builder birthDate(LocalDate date) {
            checkPersonOnly(id, kind, "birthDate", date);
            this.birthDate = date;
            return this;
        }

        /**
         * Sets the gender (persons only).
         *
         * @param value the gender
         * @return this builder
         * @throws IllegalArgumentException if the customer is an organisation
         */
        public Builder gender(Gender value) {
            checkPersonOnly(id, kind, "gender", value);
            this.gender = value;
            return this;
        }

        /**
         * Sets the occupation (persons only).
         *
         * @param value the occupation, not blank
         * @return this builder
         * @throws IllegalArgumentException if the customer is an organisation or the value is blank
         */
        public Builder occupation(String value) {
            this.occupation = checkOccupation(id, kind, value);
            return this;
        }

        /**
         * Sets the national ID number.
         *
         * @param value the number
         * @return this builder
         */
        public Builder nationalId(NationalId value) {
            this.nationalId = requireNonNull(value, "nationalId");
            return this;
        }

        /**
         * Adds a contact point, current from the moment the file is opened. Adding the same point twice has no effect.
         *
         * @param point the contact point
         * @return this builder
         */
        public Builder contactPoint(ContactPoint point) {
            requireNonNull(point, "point");
            if (!points.contains(point)) {
                points.add(point);
            }
            return this;
        }

        /**
         * Opens the file: version 1, whose history holds one entry (field {@code file}, new value
         * {@code opened}) stamped with the clock's time. Later changes take their time from the same clock.
         *
         * @param actor who opened the file, not blank
         * @param fileClock the clock every change to this file is stamped with
         * @return the customer
         * @throws IllegalArgumentException if the actor is blank or the birth date is out of range
         */
        public Customer open(String actor, Clock fileClock) {
            checkActor(id, actor);
            this.clock = requireNonNull(fileClock, "clock");
            if (birthDate != null) {
                checkBirthDate(id, kind, birthDate, clock);
            }
            Instant now = clock.instant();
            ImmutableList<ContactPeriod> periods = points.stream()
                    .map(p -> new ContactPeriod(p, now, Optional.empty())).collect(ImmutableList.toImmutableList());
            return new Customer(this, periods,
                    ImmutableList.of(new CustomerChange(id, 1, now, actor, "file", CustomerChange.NONE, "opened")));
        }

        /**
         * Rebuilds a stored version of a file with its history, instead of opening a new one: the
         * builder holds the version's fields (its contact points must be left empty), {@code
         * contactHistory} every contact period the version held and {@code history} its changes
         * 1 to n. Later changes continue from version n + 1.
         *
         * <p>Checked: the history is not empty, every change belongs to this customer, versions
         * run 1, 2, …, n without a gap, times never go backwards, the first change opened the
         * file (field {@code file}, new value {@code opened}), no contact period starts before
         * the file was opened or ends after the last change, and the birth date is in range on
         * the clock.
         *
         * @param contactHistory every contact period of the version, in the order recorded
         * @param history the version's changes, oldest first
         * @param fileClock the clock later changes are stamped with
         * @return the customer at version {@code history.size()}
         * @throws IllegalArgumentException if a check fails; the message names the version and the rule
         */
        public Customer restore(List<ContactPeriod> contactHistory, List<CustomerChange> history, Clock fileClock) {
            requireNonNull(contactHistory, "contactHistory");
            requireNonNull(history, "history");
            this.clock = requireNonNull(fileClock, "clock");
            checkArgument(points.isEmpty(), "customer %s: contact points of a restored file come from its contact "
                    + "history, not from the builder", id.masked());
            checkArgument(!history.isEmpty(), "history of customer %s is empty: a stored file has at least version 1", id.masked());
            ImmutableList<CustomerChange> changes = ImmutableList.copyOf(history);
            CustomerChange first = changes.get(0);
            checkArgument(first.field().equals("file") && first.newValue().equals("opened"),
                    "version 1 of customer %s changed %s: the first change must open the file", id.masked(), first.field());
            for (int i = 0; i < changes.size(); i++) {
                CustomerChange c = changes.get(i);
                checkArgument(c.customer().equals(id), "version %s of customer %s belongs to customer %s", i + 1, id.masked(),
                        c.customer().masked());
                checkArgument(c.version() == i + 1, "change %s of customer %s has version %s: versions run 1, 2, ... "
                        + "without a gap", i + 1, id.masked(), c.version());
                if (i > 0) {
                    Instant before = changes.get(i - 1).time();
                    checkArgument(!c.time().isBefore(before), "version %s of customer %s at %s is before version %s "
                            + "at %s: the history must stay in time order", i + 1, id.masked(), c.time(), i, before);
                }
            }
            Instant opened = first.time();
            Instant last = changes.get(changes.size() - 1).time();
            ImmutableList<ContactPeriod> periods = ImmutableList.copyOf(contactHistory);
            for (ContactPeriod p : periods) {
                checkArgument(!p.validFrom().isBefore(opened) && !p.validFrom().isAfter(last)
                        && p.validTo().map(t -> !t.isAfter(last)).orElse(true),
                        "contact period %s of customer %s lies outside the file's history [%s, %s]", p, id.masked(), opened, last);
            }
            if (birthDate != null) {
                checkBirthDate(id, kind, birthDate, clock);
            }
            return new Customer(this, periods, changes);
        }
    }
}
