package io.crmkit.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts what passes through it: the statements executed (each a round trip
 * to the database) and the bytes read with {@code ResultSet.getBytes}. Wraps another data source.
 */
final class CountingDataSource {

    final AtomicLong queries = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final DataSource dataSource;

    CountingDataSource(DataSource target) {
        this.dataSource = wrap(DataSource.class, target);
    }

    void reset() {
        queries.set(0);
        bytesRead.set(0);
    }

    private <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String name = method.getName();
            if (name.startsWith("execute") && target instanceof Statement) {
                queries.incrementAndGet();
            }
            if (name.equals("getBytes") && result instanceof byte[] b) {
                bytesRead.addAndGet(b.length);
            }
            if (result instanceof PreparedStatement p) {
                return wrap(PreparedStatement.class, p);
            }
            if (result instanceof Statement s) {
                return wrap(Statement.class, s);
            }
            if (result instanceof Connection c) {
                return wrap(Connection.class, c);
            }
            if (result instanceof ResultSet r) {
                return wrap(ResultSet.class, r);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
