package io.crmkit.core.customer;

import static java.util.Objects.requireNonNull;

/**
 * Masks for personal data that crmkit holds as plain strings outside a customer file: the names of
 * people (a customer's contacts, the members of a decision chain, sponsors) and the handles of
 * staff. They print exactly as a {@link Customer} prints its own name and a
 * {@link ContactPoint.Kind#MESSAGING messaging} contact point its handle, so every module masks
 * alike. Each mask is total (any string can be masked, even an empty one) and keeps a single
 * character, so the original cannot be read back.
 *
 * <p>Stateless: the methods are pure functions, safe from any thread.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * Masks a person's name: its first character (a code point, so a surname in Chinese
     * characters or one outside the Basic Multilingual Plane stays whole) and two stars, after
     * leading and trailing white space is removed; a blank name becomes {@code **}.
     *
     * @param name any name, for example {@code 张伟} or {@code Zhang Wei}
     * @return the masked name, for example {@code 张**} or {@code Z**}
     */
    public static String maskName(String name) {
        return Masking.personName(requireNonNull(name, "name"));
    }

    /**
     * Masks a handle (a staff member's login such as {@code li.na}, a messaging id): its first
     * character and three stars, or three stars alone when it has fewer than two characters after
     * white space is removed.
     *
     * @param handle any handle
     * @return the masked handle, for example {@code l***}
     */
    public static String maskHandle(String handle) {
        return Masking.handle(requireNonNull(handle, "handle"));
    }

    /**
     * Masks an identifier that may be personal data: a customer id or the actor of a change, a
     * complaint step or an event, as every {@code toString()} and exception message in crmkit
     * shows it. The rule is one for all modules: an identifier holding an {@code @} is masked as
     * an e-mail address ({@code z***@example.com}); one holding 11 or more digits, as a mobile
     * number with or without its country code or an identity number does, is masked as a phone
     * number ({@code 138****5678}, {@code +861****5678}); any other identifier, such as
     * {@code C-1001} or {@code agent-7}, is returned unchanged so messages stay useful.
     *
     * @param identifier any identifier
     * @return the identifier as it may be printed
     */
    public static String maskIdentifier(String identifier) {
        return Masking.identifierLike(requireNonNull(identifier, "identifier"));
    }
}
