package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aChineseMobileKeepsItsFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("138****5678", Masking.phone("138-1234-5678"));
        assertEquals("+861****5678", Masking.phone("+86 138 1234 5678"));
    }

    @Test
    void aShortLandlineKeepsOnlyItsLastTwoDigits() {
        assertEquals("****00", Masking.phone("6543 2100"));
        assertEquals("****", Masking.phone("1234"));
    }

    @Test
    void anIdentityNumberKeepsItsFirstThreeAndLastFourCharactersWithOneStarPerHiddenCharacter() {
        assertEquals("110***********1234", Masking.identifier("110105199003071234"));
        assertEquals("********34", Masking.identifier("X123456734"));
        assertEquals("****", Masking.identifier("AB12"));
    }

    @Test
    void anEmailKeepsTheFirstLetterAndTheDomain() {
        assertEquals("z***@example.com", Masking.email("zhang.wei@example.com"));
        assertEquals("z***@example.com", Masking.email("z@example.com"));
        assertEquals("n***", Masking.email("not-an-address"));
    }

    @Test
    void addressesNamesHandlesAndFreeTextShowLittle() {
        assertEquals("北京****", Masking.address("北京市朝阳区建国路88号"));
        assertEquals("12****", Masking.address("12 Baker Street, London NW1 6XE"));
        assertEquals("张**", Masking.personName("张伟"));
        assertEquals("w***", Masking.handle("wxid_zhangwei88"));
        assertEquals("(7 chars)", Masking.text("teacher"));
    }
}
