package io.crmkit.core;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.NationalId;
import io.crmkit.core.money.Money;
import java.io.InvalidObjectException;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A stream is accepted exactly when the factory accepts the values it carries, and gives the factory's value. */
class SerializationProxyPropertiesTest {

    private static void readsAsTheFactoryDoes(byte[] stream, Supplier<Object> factory) throws Exception {
        Object expected;
        try {
            expected = factory.get();
        } catch (IllegalArgumentException refused) {
            InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
            assertEquals(refused.getMessage(), e.getCause().getMessage());
            return;
        }
        assertEquals(expected, read(stream));
    }

    @Property
    void aNationalIdReadsBackExactlyWhenTheFactoryAcceptsIt(@ForAll("eighteen") String patched) throws Exception {
        String original = "110105199003071234";
        byte[] stream = patch(write(NationalId.of(original)), original, patched);
        readsAsTheFactoryDoes(stream, () -> NationalId.of(patched));
    }

    @Property
    void anEmailReadsBackExactlyWhenTheFactoryAcceptsIt(@ForAll("seventeen") String patched) throws Exception {
        String original = "zhang@example.com";
        byte[] stream = patch(write(ContactPoint.of(ContactPoint.Kind.EMAIL, original)), original, patched);
        readsAsTheFactoryDoes(stream, () -> ContactPoint.of(ContactPoint.Kind.EMAIL, patched));
    }

    @Property
    void moneyReadsBackExactlyWhenTheFactoryAcceptsIt(@ForAll("codes") String code) throws Exception {
        byte[] stream = patch(write(Money.of("12.34", "EUR")), "EUR", code);
        readsAsTheFactoryDoes(stream, () -> Money.of("12.34", code));
    }

    @Provide
    Arbitrary<String> eighteen() {
        return Arbitraries.strings().withChars("0123456789X- \u0000\u0001abc").ofLength(18);
    }

    @Provide
    Arbitrary<String> seventeen() {
        return Arbitraries.strings().withChars("zhang@example.com.@ \t").ofLength(17);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(Arbitraries.of("USD", "JPY", "CNY", "XXX", "BHD"),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(3));
    }
}
