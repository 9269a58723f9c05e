package io.crmkit.store;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The one way crmkit prints a JDBC URL: with every credential in it hidden, so a URL can go into
 * a message, a log line or a report. A URL carries credentials in three shapes, and all are
 * masked whatever the case of their letters:
 * <ul>
 * <li>a parameter whose key names a secret ({@code password}, {@code pwd}, {@code passwd},
 * {@code pass}, {@code secret}, {@code token}, {@code key}, {@code credential}, alone or inside a
 * longer key such as {@code sslpassword} or {@code api_key}), after {@code ?}, {@code &} or
 * {@code ;} ({@code ?user=u&PASSWORD=***}, {@code jdbc:h2:mem:x;PASSWORD=***});</li>
 * <li>user information before the host ({@code jdbc:postgresql://u:***@host/db});</li>
 * <li>Oracle's {@code user/password@} form ({@code jdbc:oracle:thin:u/***@host:1521/db}).</li>
 * </ul>
 *
 * <p>Stateless: the method is a pure function, safe from any thread.
 */
public final class JdbcUrl {

    private static final String HIDDEN = "***";
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;]\\s*[\\w.\\-]*(?:password|passwd|pwd|pass|secret|token|key|credential)[\\w.\\-]*\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;&]*:)[^/@]*@");
    private static final Pattern ORACLE_USER = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:]*/)[^@]*@");

    private JdbcUrl() {
    }

    /**
     * Returns the URL with every password or other secret replaced by {@code ***}.
     *
     * @param url any JDBC URL (or any text: a string that is not a URL is returned as it is)
     * @return the URL fit for printing, for example {@code jdbc:mysql://h/db?user=u&PASSWORD=***}
     */
    public static String masked(String url) {
        requireNonNull(url, "url");
        String s = SECRET_PARAMETER.matcher(url).replaceAll("$1" + HIDDEN);
        s = USER_INFO.matcher(s).replaceAll("$1" + HIDDEN + "@");
        return ORACLE_USER.matcher(s).replaceAll("$1" + HIDDEN + "@");
    }
}
