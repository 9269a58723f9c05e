package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.reflect.ClassPath;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No record of a library module or of the store prints personal data raw: every record with a
 * {@link CustomerId} component, or with a string component that names a person's identifier
 * ({@link #PERSONAL_COMPONENTS}), is built with a customer id that is a mobile number and such
 * identifiers that are e-mail addresses, and its {@code toString()} must hold neither. A new record
 * that prints them raw (a hand-written {@code toString()} with {@code customer.value()}, or a new
 * staff-identifier component left to the generated {@code toString()}) fails here; a record whose
 * constructor refuses the generic values this test builds is named, so that it is given values
 * that pass its checks.
 */
class PersonalDataToStringTest {

    /** A customer id that is personal data: a mainland China mobile number. */
    private static final String PHONE = "13812345678";
    /** A staff identifier that is personal data: an e-mail address. */
    private static final String EMAIL = "zhang.wei@example.com";

    /** The packages of the library modules and of the store. */
    private static final List<String> PACKAGES = List.of("io.crmkit.core", "io.crmkit.scoring", "io.crmkit.lifecycle",
            "io.crmkit.loyalty", "io.crmkit.accounts", "io.crmkit.marketing", "io.crmkit.store");

    /** String components that hold the identifier of a person (a member of staff, an actor). */
    private static final Set<String> PERSONAL_COMPONENTS = Set.of("owner", "assignee", "actor", "salesperson");

    /** Records with no personal data in any component although they match by name, with the reason. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "io.crmkit.core.customer.CustomerId", "the id itself: its toString() is the masked form, tested in core");

    /**
     * Values a record's checks need where the generic ones fail them, by record (simple name) and
     * component: a certificate expires after its issue, a level 1 evaluation measures the reaction.
     */
    private static final Map<String, Map<String, Object>> GIVEN = Map.of(
            "Certificate", Map.of("expiresOn", LocalDate.of(2027, 3, 1)),
            "Evaluation", Map.of("measure", "reaction"));

    @Test
    void noRecordPrintsACustomerIdOrAStaffIdentifierRaw() throws IOException {
        List<Class<?>> records = recordsHoldingPersonalData();
        assertTrue(records.size() >= 30, "the scan found too few records to be trusted: " + records);
        Map<String, String> leaks = new TreeMap<>();
        Set<String> unbuilt = new TreeSet<>();
        for (Class<?> type : records) {
            Optional<Object> sample = build(type);
            if (sample.isEmpty()) {
                unbuilt.add(type.getName());
                continue;
            }
            String text = sample.get().toString();
            if (text.contains(PHONE) || text.contains("zhang.wei")) {
                leaks.put(type.getName(), text);
            }
        }
        assertEquals(Map.of(), leaks, "records that print a customer id or a staff identifier raw");
        assertEquals(Set.of(), unbuilt, "records this test cannot build with its generic values: give them values");
    }

    @Test
    void theGuardSeesARawIdWhereOneIsPrinted() {
        record Leaky(CustomerId customer) {
            @Override
            public String toString() {
                return "Leaky[" + customer.value() + "]";
            }
        }
        Object sample = build(Leaky.class).orElseThrow();
        assertTrue(sample.toString().contains(PHONE), "the guard would miss a hand-written toString: " + sample);
        record Masked(CustomerId customer, String owner) {
        }
        String generated = build(Masked.class).orElseThrow().toString();
        assertEquals("Masked[customer=138****5678, owner=" + EMAIL + "]", generated,
                "a generated toString masks the id and leaves a string as it is, which is why staff identifiers "
                        + "need their own toString");
    }

    /** Every record class, nested ones included, of {@link #PACKAGES} with a component this test fills with personal data. */
    private static List<Class<?>> recordsHoldingPersonalData() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        ClassPath path = ClassPath.from(PersonalDataToStringTest.class.getClassLoader());
        for (String pkg : PACKAGES) {
            for (ClassPath.ClassInfo info : path.getTopLevelClassesRecursive(pkg)) {
                if (info.getName().endsWith("package-info")) {
                    continue;
                }
                Deque<Class<?>> todo = new ArrayDeque<>(List.of(info.load()));
                while (!todo.isEmpty()) {
                    Class<?> type = todo.pop();
                    todo.addAll(List.of(type.getDeclaredClasses()));
                    if (type.isRecord() && !NOT_PERSONAL.containsKey(type.getName()) && holdsPersonalData(type)) {
                        found.add(type);
                    }
                }
            }
        }
        return found;
    }

    private static boolean holdsPersonalData(Class<?> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == CustomerId.class
                    || c.getType() == String.class && PERSONAL_COMPONENTS.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An instance built through the canonical constructor with a value per component type (a
     * record component built the same way), or empty if a type is unknown or the constructor
     * refuses the values.
     */
    private static Optional<Object> build(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object given = GIVEN.getOrDefault(type.getSimpleName(), Map.of()).get(components[i].getName());
            Optional<Object> value = given != null ? Optional.of(given) : value(components[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return Optional.of(canonical.newInstance(values));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> value(RecordComponent component) {
        Class<?> t = component.getType();
        Object v;
        if (t == CustomerId.class) {
            v = CustomerId.of(PHONE);
        } else if (t == String.class) {
            v = PERSONAL_COMPONENTS.contains(component.getName()) ? EMAIL : "x-1";
        } else if (t == Instant.class) {
            v = Instant.parse("2026-03-01T02:00:00Z");
        } else if (t == LocalDate.class) {
            v = LocalDate.of(2026, 3, 1);
        } else if (t == Duration.class) {
            v = Duration.ofDays(1);
        } else if (t == boolean.class) {
            v = true;
        } else if (t == int.class) {
            v = 1;
        } else if (t == long.class) {
            v = 1L;
        } else if (t == double.class) {
            v = 1.0;
        } else if (t == BigDecimal.class) {
            v = BigDecimal.ONE;
        } else if (t == Money.class) {
            v = Money.of(BigDecimal.ONE, Currency.getInstance("CNY"));
        } else if (t == Currency.class) {
            v = Currency.getInstance("CNY");
        } else if (t == ZoneOffset.class) {
            v = ZoneOffset.UTC;
        } else if (t == Optional.class) {
            v = Optional.empty();
        } else if (t == OptionalDouble.class) {
            v = OptionalDouble.empty();
        } else if (t == List.class) {
            v = List.of();
        } else if (t == Set.class) {
            v = Set.of();
        } else if (t == Map.class) {
            v = Map.of();
        } else if (t.isEnum()) {
            v = t.getEnumConstants()[0];
        } else if (t.isRecord()) {
            return build(t);
        } else {
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
