package cn.jintan.quality.store;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One command at a time on a PostgreSQL database, as H2's file lock gives the embedded one (so a
 * manual {@code run} while {@code schedule} holds the database is told so): a session-level
 * advisory lock, held on a connection of its own (not the pool's) until the context closes, and
 * released by the server if the process dies. Taken by the command line's commands
 * ({@code cli.Pipeline}); a process that only helps another one's run (a partition worker) does not.
 */
@Component
public class ServerLock {

    /** The advisory lock's key: any number no other application on the database uses ("qbrun"). */
    public static final long KEY = 0x71_62_72_75_6EL;

    private final HikariDataSource dataSource;
    private final Database database;
    private Connection held;

    ServerLock(HikariDataSource dataSource, Database database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    /** Takes the lock (nothing to do on H2): false when another process holds it. */
    public synchronized boolean hold() {
        if (database != Database.POSTGRESQL || held != null) {
            return true;
        }
        try {
            Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword());
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    connection.close();
                    return false;
                }
            }
            held = connection;
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the database's lock: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void release() throws SQLException {
        if (held != null) {
            held.close(); // ends the session, and so the lock
            held = null;
        }
    }
}
