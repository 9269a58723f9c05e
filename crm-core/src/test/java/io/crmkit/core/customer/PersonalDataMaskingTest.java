package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.TestClock;
import io.crmkit.core.customer.ContactPoint.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rule of docs/domain.md §1: a national ID number, phone number or e-mail address never appears
 * unmasked in any {@code toString()}, change record or exception message.
 */
class PersonalDataMaskingTest {

    @Property
    void noIdPhoneOrEmailEverAppearsUnmaskedInTheCustomerFileOrItsHistory(@ForAll("mobiles") String mobile,
            @ForAll("landlines") String landline, @ForAll("nationalIds") String nationalId,
            @ForAll("emails") String email, @ForAll("mobiles") String laterMobile, @ForAll("emails") String laterEmail) {
        TestClock clock = TestClock.at("2026-01-05T09:00:00Z");
        Customer v1 = Customer.person(CustomerId.of("c-1"), "张伟").nationalId(NationalId.of(nationalId))
                .contactPoint(ContactPoint.of(Kind.MOBILE, mobile))
                .contactPoint(ContactPoint.of(Kind.HOME_PHONE, landline))
                .contactPoint(ContactPoint.of(Kind.EMAIL, email)).open("agent-7", clock);
        clock.advance(Duration.ofDays(3));
        Customer v2 = v1.withContactPoint(ContactPoint.of(Kind.MOBILE, laterMobile), "agent-7")
                .withContactPoint(ContactPoint.of(Kind.EMAIL, laterEmail), "agent-7")
                .withoutContactPoint(ContactPoint.of(Kind.HOME_PHONE, landline), "agent-7")
                .withNationalId(NationalId.of(nationalId.substring(0, 17) + "0"), "agent-7")
                .withName(mobile, "agent-7");

        List<String> printed = new ArrayList<>();
        for (Customer c : List.of(v1, v2)) {
            printed.add(c.toString());
            c.history().forEach(h -> printed.add(h.toString()));
            c.contactHistory().forEach(p -> printed.add(p.toString()));
            c.contactHistory().forEach(p -> printed.add(p.point().toString()));
            c.nationalId().ifPresent(n -> printed.add(n.toString()));
        }
        List<String> secrets = secrets(mobile, landline, nationalId, email, laterMobile, laterEmail);
        for (String s : printed) {
            for (String secret : secrets) {
                assertFalse(s.contains(secret), () -> "'" + s + "' shows " + secret);
            }
        }
    }

    @Property
    void exceptionsAboutInvalidInputNeverShowTheValue(@ForAll("mobiles") String mobile,
            @ForAll("nationalIds") String nationalId, @ForAll("emails") String email) {
        TestClock clock = TestClock.at("2026-01-05T09:00:00Z");
        Customer c = Customer.person(CustomerId.of("c-1"), "张伟").open("agent-7", clock);
        List<Supplier<Object>> bad = List.of(
                () -> ContactPoint.of(Kind.MOBILE, mobile + "x"),
                () -> ContactPoint.of(Kind.MOBILE, mobile + "0000000"),
                () -> ContactPoint.of(Kind.FAX, email),
                () -> ContactPoint.of(Kind.EMAIL, mobile),
                () -> ContactPoint.of(Kind.EMAIL, email.replace("@", "@@")),
                () -> ContactPoint.of(Kind.EMAIL, nationalId),
                () -> ContactPoint.of(Kind.MESSAGING, nationalId + "\u0007"),
                () -> ContactPoint.of(Kind.POSTAL_ADDRESS, mobile + " " + email + "\u0000"),
                () -> NationalId.of(nationalId + "#"),
                () -> NationalId.of(email),
                () -> NationalId.of(mobile + nationalId + nationalId),
                () -> Customer.person(CustomerId.of("c-2"), mobile + "\u0001"),
                () -> c.withoutContactPoint(ContactPoint.of(Kind.MOBILE, mobile), "agent-7"),
                () -> c.withoutContactPoint(ContactPoint.of(Kind.EMAIL, email), "agent-7"),
                () -> c.withOccupation(nationalId + "\u0007" + nationalId, "agent-7"));
        List<String> secrets = secrets(mobile, nationalId, email);
        for (Supplier<Object> attempt : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, attempt::get,
                    () -> "attempt " + bad.indexOf(attempt) + " was accepted");
            for (String secret : secrets) {
                assertFalse(e.getMessage().contains(secret), () -> "'" + e.getMessage() + "' shows " + secret);
            }
        }
    }

    /** The values as given and as normalised (digits only, upper- or lower-cased). */
    private static List<String> secrets(String... values) {
        List<String> all = new ArrayList<>();
        for (String v : values) {
            all.add(v);
            all.add(v.toUpperCase(Locale.ROOT));
            all.add(v.toLowerCase(Locale.ROOT));
            String digits = v.replaceAll("[^0-9]", "");
            if (digits.length() >= 5) {
                all.add(digits);
            }
        }
        return all;
    }

    @Provide
    Arbitrary<String> mobiles() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.of("13", "15", "17", "18", "19"),
                Arbitraries.strings().numeric().ofLength(9)).as((a, b) -> a + b);
        return Combinators.combine(number, Arbitraries.integers().between(0, 3)).as((n, layout) -> switch (layout) {
            case 0 -> n;
            case 1 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 2 -> n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            default -> "+86 " + n;
        });
    }

    @Provide
    Arbitrary<String> landlines() {
        return Combinators.combine(Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(3),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(8)).as((area, n) -> "0" + area + "-" + n);
    }

    @Provide
    Arbitrary<String> nationalIds() {
        return Combinators.combine(Arbitraries.strings().numeric().ofLength(17), Arbitraries.of("0", "1", "7", "9", "X", "x"))
                .as((body, check) -> body + check);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_').ofMinLength(1)
                .ofMaxLength(12).filter(s -> Character.isLetter(s.charAt(0)));
        Arbitrary<String> domain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
        return Combinators.combine(local, domain, Arbitraries.of("com", "cn", "com.cn", "org"))
                .as((l, d, tld) -> l + "@" + d + "." + tld);
    }
}
