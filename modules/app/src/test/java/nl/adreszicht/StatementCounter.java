package nl.adreszicht;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application's pool sends to PostgreSQL on the calling thread: every
 * {@code execute…} of a JDBC statement (a batch counts once), whoever sent it (JDBC, JPA, Spring Session, the event
 * registry). Import {@link Configuration} into a test context: the pool then gets its connections from a JDBC
 * wrapper, so nothing in the application knows it is counted. Only the calling thread counts, so the sealer and other
 * background jobs never add to a request's figure.
 */
public final class StatementCounter {

    private static final ThreadLocal<@Nullable List<String>> RECORDING = new ThreadLocal<>();

    private StatementCounter() {}

    /** The statements {@code work} sent, in order. */
    public static List<String> during(Callable<?> work) throws Exception {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.call();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    private static void count(@Nullable String sql) {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql == null ? "(prepared)" : sql);
        }
    }

    /** Puts the JDBC wrapper under the application's pool before the pool opens its first connection. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor countingStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && !pool.isRunning()) {
                        PGSimpleDataSource driver = new PGSimpleDataSource();
                        driver.setURL(pool.getJdbcUrl());
                        driver.setUser(pool.getUsername());
                        driver.setPassword(pool.getPassword());
                        pool.setDataSource(counting(driver));
                    }
                    return bean;
                }
            };
        }
    }

    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                        return counting(statement, sql);
                    }
                    return result;
                });
    }

    private static Statement counting(Statement target, @Nullable String prepared) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> type :
                new Class<?>[] {java.sql.CallableStatement.class, java.sql.PreparedStatement.class, Statement.class}) {
            if (type.isInstance(target)) {
                interfaces.add(type);
                break;
            }
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
