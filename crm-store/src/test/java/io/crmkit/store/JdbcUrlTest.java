package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every credential shape of a JDBC URL is hidden, whatever the case of its key. */
class JdbcUrlTest {

    @Test
    void secretParametersAreMaskedWhateverTheirCase() {
        assertEquals("jdbc:mysql://h/db?user=u&PASSWORD=***", JdbcUrl.masked("jdbc:mysql://h/db?user=u&PASSWORD=hunter2"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                JdbcUrl.masked("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true"));
        assertEquals("jdbc:postgresql://h/db?sslpassword=***&sslkey=***",
                JdbcUrl.masked("jdbc:postgresql://h/db?sslpassword=a&sslkey=/home/u/k.pk8"));
        assertEquals("jdbc:h2:mem:x;USER=sa;Password=***", JdbcUrl.masked("jdbc:h2:mem:x;USER=sa;Password=hunter2"));
        assertEquals("jdbc:sqlserver://h;user=u;pwd=***", JdbcUrl.masked("jdbc:sqlserver://h;user=u;pwd=hunter2"));
        assertEquals("jdbc:x://h/db?client_secret=***&api_key=***&Token=***",
                JdbcUrl.masked("jdbc:x://h/db?client_secret=s1&api_key=k2&Token=t3"));
    }

    @Test
    void userInformationIsMasked() {
        assertEquals("jdbc:postgresql://u:***@h:5432/db", JdbcUrl.masked("jdbc:postgresql://u:hunter2@h:5432/db"));
        assertEquals("jdbc:oracle:thin:scott/***@h:1521/orcl", JdbcUrl.masked("jdbc:oracle:thin:scott/tiger@h:1521/orcl"));
    }

    @Test
    void aUrlWithoutCredentialsIsUnchanged() {
        assertEquals("jdbc:h2:file:./crm-data/crm", JdbcUrl.masked("jdbc:h2:file:./crm-data/crm"));
        assertEquals("jdbc:postgresql://h:5432/db?user=u&ssl=true", JdbcUrl.masked("jdbc:postgresql://h:5432/db?user=u&ssl=true"));
    }
}
