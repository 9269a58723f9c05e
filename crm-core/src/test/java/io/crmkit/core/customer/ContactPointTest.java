package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.ContactPoint.Kind;
import org.junit.jupiter.api.Test;

class ContactPointTest {

    @Test
    void phoneNumbersAreNormalisedToTheirDigitsAndPrintedMasked() {
        ContactPoint mobile = ContactPoint.of(Kind.MOBILE, " 138-1234-5678 ");
        assertEquals("13812345678", mobile.value());
        assertEquals("138****5678", mobile.masked());
        assertEquals("MOBILE 138****5678", mobile.toString());
        assertEquals(ContactPoint.of(Kind.MOBILE, "138 1234 5678"), mobile);
        assertEquals("+8613812345678", ContactPoint.of(Kind.OFFICE_PHONE, "+86 (138) 1234.5678").value());
    }

    @Test
    void theSameNumberOfAnotherKindIsAnotherContactPoint() {
        assertNotEquals(ContactPoint.of(Kind.MOBILE, "13812345678"), ContactPoint.of(Kind.FAX, "13812345678"));
        assertTrue(Kind.FAX.isTelephone());
        assertFalse(Kind.EMAIL.isTelephone());
    }

    @Test
    void emailDomainsAreLowerCasedAndTheLocalPartKept() {
        ContactPoint email = ContactPoint.of(Kind.EMAIL, "Zhang.Wei@Example.COM");
        assertEquals("Zhang.Wei@example.com", email.value());
        assertEquals("EMAIL Z***@example.com", email.toString());
    }

    @Test
    void addressesAndHandlesAreStrippedAndMasked() {
        assertEquals("POSTAL_ADDRESS 北京****", ContactPoint.of(Kind.POSTAL_ADDRESS, " 北京市朝阳区建国路88号 100022 ").toString());
        assertEquals("MESSAGING w***", ContactPoint.of(Kind.MESSAGING, "wxid_zhangwei88").toString());
    }

    @Test
    void anInvalidPhoneIsRejectedWithTheValueMaskedAndTheRuleNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContactPoint.of(Kind.MOBILE, "138123x45678"));
        assertEquals("MOBILE 138****5678 is not a telephone number: expected 5 to 15 digits, an optional leading + "
                + "and separators ( ) . / - or spaces", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.HOME_PHONE, "1234"));
        assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.HOME_PHONE, "1234567890123456"));
    }

    @Test
    void anInvalidEmailIsRejectedWithTheValueMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContactPoint.of(Kind.EMAIL, "zhang.wei@localhost"));
        assertEquals("EMAIL z***@localhost is not an e-mail address: expected one @ followed by a dotted domain",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.EMAIL, "a@b@example.com"));
    }

    @Test
    void blankOverlongAndControlCharacterValuesAreRejected() {
        assertEquals("POSTAL_ADDRESS is blank: a contact point needs a value",
                assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.POSTAL_ADDRESS, "  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.POSTAL_ADDRESS, "x".repeat(257)));
        assertThrows(IllegalArgumentException.class, () -> ContactPoint.of(Kind.MESSAGING, "wx\u0000id"));
    }

    @Test
    void everyKindMasksAnyValueWithoutShowingItWhole() {
        for (Kind kind : Kind.values()) {
            String value = "zhangwei13812345678@example.com";
            assertFalse(kind.mask(value).contains(value), kind + " " + kind.mask(value));
        }
    }
}
