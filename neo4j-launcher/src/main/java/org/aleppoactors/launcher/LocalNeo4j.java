package org.aleppoactors.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector, on 127.0.0.1.
 *
 * <p>Usage: {@code LocalNeo4j <boltPort> <dataDir> <password>}. The password is passed through
 * the environment variable NEO4J_LAUNCHER_PASSWORD when the third argument is absent, so that it
 * does not show in the process list. Prints {@code NEO4J_STARTED} once the DBMS is up; the Node
 * side still waits for Bolt to answer before it trusts that. SIGTERM and SIGINT shut the DBMS
 * down cleanly through the shutdown hook, so the store is never left needing recovery. When the
 * parent process dies without stopping us (kill -9), our stdin closes and we shut down too, so no
 * orphaned JVM keeps the store locked.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      // Whatever failed, exit: a half-started DBMS must not keep the JVM and the store lock.
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <boltPort> <dataDir> [password]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String password = args.length > 2 ? args[2] : System.getenv("NEO4J_LAUNCHER_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_LAUNCHER_PASSWORD must hold at least 8 characters");
      System.exit(2);
    }

    // Watch the parent from the start: if it dies while we are still starting, we stop too.
    if (!"false".equals(System.getenv("NEO4J_LAUNCHER_WATCH_STDIN"))) {
      Thread watcher = new Thread(LocalNeo4j::exitWhenStdinCloses, "parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            // Bolt waits 5 s by default for a quiet event loop before it stops; a local
            // single-user server has nothing to wait for, and Ctrl-C should be quick.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  System.out.println("NEO4J_STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    // The system database holds the users; setting the password on every start keeps it equal to
    // the configured one, and embedded execution needs no login to do it.
    // Setting the password compiles the first Cypher query of a cold JVM (seconds), so it is done
    // only when the configured password differs from the one last set, remembered as a hash.
    Path passwordMark = home.resolve("password.sha256");
    String passwordHash = sha256(password);
    boolean passwordSet =
        Files.exists(passwordMark) && Files.readString(passwordMark).trim().equals(passwordHash);
    if (!passwordSet) {
      try {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
            .executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
      } catch (QueryExecutionException e) {
        // The same password again (the mark was lost): Neo4j refuses to "change" it; that is fine.
        if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
          throw e;
        }
      }
      Files.writeString(passwordMark, passwordHash);
    }

    System.out.println("NEO4J_STARTED bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest);
  }

  private static void exitWhenStdinCloses() {
    try {
      while (System.in.read() != -1) {
        // The parent never writes; any byte is ignored.
      }
    } catch (java.io.IOException ignored) {
      // A broken pipe means the parent is gone, same as end of stream.
    }
    System.exit(0);
  }
}
