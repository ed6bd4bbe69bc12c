package org.aleppoactors.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Runs Neo4j Community in this JVM with only the Bolt connector, on 127.0.0.1, and keeps it for
 * as long as some process of the project uses it.
 *
 * <p>Usage: {@code LocalNeo4j <boltPort> <dataDir>}; the password comes in the environment
 * variable NEO4J_LAUNCHER_PASSWORD so that it does not show in the process list.
 *
 * <p>The JVM is detached from the process that started it. Every process that uses this Neo4j
 * registers a file {@code users/<pid>.json} in the data folder (docs/local-neo4j.md has the
 * protocol). A keeper thread looks at those files four times a second: when no registered
 * process is alive any more, it takes {@code neo4j.lock} (so that no process can attach while it
 * decides), checks once more, and shuts the DBMS down cleanly. The lock is released only after
 * the store is closed, so the next process to start Neo4j never meets a store still locked.
 *
 * <p>Files it writes: {@code launcher.pid} (its pid, at once), {@code launcher.ready} (its pid
 * and port, once Bolt is up and the password set); both are removed when it stops.
 */
public final class LocalNeo4j {
  private static final Pattern START_TIME = Pattern.compile("\"startTime\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern LOCK_HOLDER = Pattern.compile("^(\\d+) (\\S*)");

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

  /**
   * The page cache: NEO4J_LAUNCHER_PAGECACHE ("512m", "4g"), set by the process that starts the
   * launcher from its configuration (LOCAL_NEO4J_PAGECACHE), which holds the default.
   */
  private static long pageCacheBytes() {
    String size = System.getenv("NEO4J_LAUNCHER_PAGECACHE");
    if (size == null || !size.matches("\\d+[mMgG]")) {
      System.err.println("NEO4J_LAUNCHER_PAGECACHE must be set, like 512m or 4g; it is " + size);
      System.exit(2);
    }
    long amount = Long.parseLong(size.substring(0, size.length() - 1));
    char unit = Character.toLowerCase(size.charAt(size.length() - 1));
    return unit == 'g' ? ByteUnit.gibiBytes(amount) : ByteUnit.mebiBytes(amount);
  }

  private static void run(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <boltPort> <dataDir>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String password = System.getenv("NEO4J_LAUNCHER_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_LAUNCHER_PASSWORD must hold at least 8 characters");
      System.exit(2);
    }
    Path users = home.resolve("users");
    Path lock = home.resolve("neo4j.lock");
    Path pidFile = home.resolve("launcher.pid");
    Path readyFile = home.resolve("launcher.ready");
    long pid = ProcessHandle.current().pid();
    Files.createDirectories(users);
    Files.writeString(pidFile, Long.toString(pid));

    AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
    AtomicBoolean holdsLock = new AtomicBoolean(false);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  deleteQuietly(readyFile);
                  DatabaseManagementService dbms = running.get();
                  if (dbms != null) dbms.shutdown();
                  deleteQuietly(pidFile);
                  if (holdsLock.get()) deleteQuietly(lock);
                  System.out.println("NEO4J_STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-shutdown"));

    // Watch the users from the start: if the one that started us dies while we start, we stop.
    Thread keeper = new Thread(() -> keep(users, lock, pid, holdsLock), "users-keeper");
    keeper.setDaemon(true);
    keeper.start();

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            // Bolt waits 5 s by default for a quiet event loop before it stops; a local
            // single-user server has nothing to wait for, and Ctrl-C should be quick.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .build();
    running.set(dbms);

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

    Path readyTemp = home.resolve("launcher.ready.tmp");
    Files.writeString(readyTemp, "{\"pid\":" + pid + ",\"port\":" + port + "}");
    Files.move(readyTemp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("NEO4J_STARTED bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /** The keeper: stops this JVM once no registered user is alive (see the class comment). */
  private static void keep(Path users, Path lock, long pid, AtomicBoolean holdsLock) {
    for (; ; ) {
      try {
        Thread.sleep(250);
        if (anyLiveUser(users) || !tryLock(lock, pid)) continue;
        holdsLock.set(true);
        // Under the lock no process can register: if still nobody is there, stop for good.
        if (anyLiveUser(users)) {
          holdsLock.set(false);
          deleteQuietly(lock);
          continue;
        }
        System.out.println("NEO4J_NO_USERS: stopping");
        System.out.flush();
        System.exit(0);
        return;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // A file read racing a deletion: look again at the next tick.
      }
    }
  }

  /** Whether some registered process is alive; files of dead ones are removed. */
  private static boolean anyLiveUser(Path users) throws IOException {
    boolean any = false;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(users, "*.json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        long userPid;
        try {
          userPid = Long.parseLong(name.substring(0, name.length() - ".json".length()));
        } catch (NumberFormatException e) {
          continue;
        }
        String content;
        try {
          content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          continue;
        }
        Matcher m = START_TIME.matcher(content);
        String startTime = m.find() ? m.group(1) : "";
        if (isAlive(userPid, startTime)) any = true;
        else deleteQuietly(file);
      }
    }
    return any;
  }

  /** Takes the lock file, or removes it when its holder is dead and takes it then. */
  private static boolean tryLock(Path lock, long pid) throws IOException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.writeString(lock, pid + " " + startTime(pid) + "\n", java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        String holder;
        try {
          holder = Files.readString(lock);
        } catch (NoSuchFileException gone) {
          continue;
        }
        Matcher m = LOCK_HOLDER.matcher(holder);
        if (m.find() && isAlive(Long.parseLong(m.group(1)), m.group(2))) return false;
        deleteQuietly(lock);
      }
    }
    return false;
  }

  /** Alive, and the same process that wrote the file (a recycled pid has another start time). */
  private static boolean isAlive(long pid, String recordedStartTime) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
    String now = startTime(pid);
    if (now.isEmpty() || recordedStartTime.isEmpty()) return true;
    return now.equals(recordedStartTime) && !isZombie(pid);
  }

  /** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); empty without /proc. */
  static String startTime(long pid) {
    String[] fields = statFields(pid);
    return fields.length > 19 ? fields[19] : "";
  }

  private static boolean isZombie(long pid) {
    String[] fields = statFields(pid);
    return fields.length > 0 && fields[0].equals("Z");
  }

  /** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
  private static String[] statFields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Nothing to do: the next reader treats a stale file by its holder's liveness.
    }
  }

  private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest);
  }
}
