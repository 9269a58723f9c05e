package io.crmkit.cli;

import io.crmkit.cli.format.Values;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one set of option value types of {@code crm}: dates, zones and numbers read by the same
 * grammar as the input files (no hex, no suffix such as 5d, no NaN or Infinity), registered once on
 * the root command so that every subcommand refuses a bad value with the same line and exit 2.
 */
public final class OptionTypes {

    /** The rule of a date option, as messages state it. */
    public static final String DATE_RULE = "not a date yyyy-MM-dd in years 1-9999";

    /** The rule of a zone option, as messages state it. */
    public static final String ZONE_RULE = "not a zone: use a region such as Europe/Berlin or an offset such as +08:00";

    /** The date format, made on first use: every run registers these types, few read a date option. */
    private static final class Dates {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private OptionTypes() {
    }

    /**
     * Registers the converters on a command line and all its subcommands.
     *
     * @param cli the root command line, with its subcommands added
     */
    static void register(CommandLine cli) {
        cli.registerConverter(LocalDate.class, new Converter<>(LocalDate.class));
        cli.registerConverter(ZoneId.class, new Converter<>(ZoneId.class));
        cli.registerConverter(Double.class, new Converter<>(Double.class));
        cli.registerConverter(Double.TYPE, new Converter<>(Double.TYPE));
        cli.registerConverter(Integer.class, new Converter<>(Integer.class));
        cli.registerConverter(Integer.TYPE, new Converter<>(Integer.TYPE));
        cli.registerConverter(Long.class, new Converter<>(Long.class));
        cli.registerConverter(Long.TYPE, new Converter<>(Long.TYPE));
    }

    /**
     * The converter of one option type: {@link #date}, {@link #zone}, {@link #number},
     * {@link #integer} or {@link #whole}. A class rather than a lambda per type: picocli's
     * interfaces are Java 5 class files, and the JDK cannot store a lambda of such an interface in
     * the launcher's class-data archive, so every start spun eight lambda classes here.
     */
    private record Converter<K>(Class<K> type) implements CommandLine.ITypeConverter<K> {

        @Override
        @SuppressWarnings("unchecked") // the value is of type (boxed for a primitive type)
        public K convert(String text) {
            Object value;
            if (type == LocalDate.class) {
                value = date(text);
            } else if (type == ZoneId.class) {
                value = zone(text);
            } else if (type == Double.class || type == Double.TYPE) {
                value = number(text);
            } else if (type == Integer.class || type == Integer.TYPE) {
                value = integer(text);
            } else {
                value = whole(text);
            }
            return (K) value;
        }
    }

    /**
     * Reads a date option.
     *
     * @param text the value as typed
     * @return the date
     * @throws ValueException with {@link #DATE_RULE} unless the text is {@code yyyy-MM-dd} in years 1-9999
     */
    public static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(0) == '+' || text.charAt(0) == '-') {
            throw new ValueException(DATE_RULE);
        }
        try {
            LocalDate d = LocalDate.parse(text, Dates.FORMAT);
            if (d.getYear() < 1) {
                throw new ValueException(DATE_RULE);
            }
            return d;
        } catch (DateTimeException e) {
            throw new ValueException(DATE_RULE);
        }
    }

    /**
     * Reads a zone option.
     *
     * @param text the value as typed
     * @return the zone
     * @throws ValueException with {@link #ZONE_RULE} unless the text is a region or an offset
     */
    public static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ValueException(ZONE_RULE);
        }
    }

    /**
     * Reads a number option by the grammar of the input files ({@link Values#number(String)}).
     *
     * @param text the value as typed
     * @return the value, finite
     * @throws ValueException with the rule otherwise
     */
    public static double number(String text) {
        try {
            return Values.number(text);
        } catch (IllegalArgumentException e) {
            throw new ValueException(e.getMessage());
        }
    }

    /**
     * Reads a whole-number option within the range of {@code int}.
     *
     * @param text the value as typed
     * @return the value
     * @throws ValueException with the rule otherwise
     */
    public static int integer(String text) {
        long v = whole(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ValueException("out of range: beyond ±2147483647");
        }
        return (int) v;
    }

    /**
     * Reads a whole-number option.
     *
     * @param text the value as typed
     * @return the value
     * @throws ValueException with the rule otherwise
     */
    public static long whole(String text) {
        try {
            return Values.wholeNumber(text);
        } catch (IllegalArgumentException e) {
            throw new ValueException(e.getMessage());
        }
    }

    /**
     * Refuses a multi-valued option that names the same key twice: a map option such as
     * {@code --weight reliability=0.5 --weight reliability=1} (picocli would keep the last value
     * silently) or a list option such as {@code --salespeople ann,ann} (the second would count for
     * nothing, or twice). Enum keys are compared as the option reads them, ignoring case; blank values
     * are left to the command's own rule.
     *
     * @param parsed the parsed command line, root to the command that runs
     * @throws CommandLine.ParameterException naming the option, the repeated value and the first
     *     one, for exit 2
     */
    static void refuseRepeatedKeys(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            for (OptionSpec option : p.matchedOptions()) {
                if (!option.isMultiValue()) {
                    continue;
                }
                boolean map = option.typeInfo().isMap();
                Class<?> keyType = option.auxiliaryTypes().length > 0 ? option.auxiliaryTypes()[0] : String.class;
                Map<String, String> first = new HashMap<>();
                for (String typed : option.originalStringValues()) {
                    String[] values = option.splitRegex().isEmpty() ? new String[] {typed} : typed.split(option.splitRegex(), -1);
                    for (String value : values) {
                        String key = map && value.indexOf('=') >= 0 ? value.substring(0, value.indexOf('=')) : value;
                        if (key.isBlank()) {
                            continue; // a blank key is the command's own rule to state
                        }
                        String same = keyType.isEnum() ? key.strip().toLowerCase(Locale.ROOT) : key;
                        String earlier = first.putIfAbsent(same, value);
                        if (earlier != null) {
                            throw new CommandLine.ParameterException(p.commandSpec().commandLine(), option.longestName() + " "
                                    + Values.quote(value) + ": " + (map ? key + " is given twice (first "
                                    + Values.quote(earlier) + "): give each key once" : "given twice: name each once"));
                        }
                    }
                }
            }
        }
    }

    /** A value outside its option's type; the usage line names the option and the value before this rule. */
    static final class ValueException extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;

        ValueException(String rule) {
            super(rule);
        }
    }
}
