package io.crmkit.marketing;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.crmkit.core.customer.CustomerId;
import java.nio.charset.StandardCharsets;

/**
 * A customer's random draw, fixed by the seed and the customer id alone: SipHash-2-4 keyed with
 * the seed and a purpose constant, over the id's UTF-8 bytes, mapped to [0, 1) from its top 53
 * bits. Because no customer's draw depends on another's, a selection does not change when the input
 * is reordered, and adding a customer leaves everyone else's draw as it was.
 */
final class Draw {

    /** Purpose constants keep the control draw independent of the budget rank. */
    private static final long CONTROL = 0x636f6e74726f6c31L;
    private static final long RANK = 0x72616e6b696e6731L;

    private final HashFunction control;
    private final HashFunction rank;

    Draw(long seed) {
        this.control = Hashing.sipHash24(seed, CONTROL);
        this.rank = Hashing.sipHash24(seed, RANK);
    }

    /** @return the control draw in [0, 1) */
    double control(CustomerId id) {
        return unit(control.hashString(id.value(), StandardCharsets.UTF_8).asLong());
    }

    /** @return the budget rank draw in [0, 1) */
    double rank(CustomerId id) {
        return unit(rank.hashString(id.value(), StandardCharsets.UTF_8).asLong());
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
