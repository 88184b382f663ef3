package io.smoothspike.distributed;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers, each a JVM of Spark's own classes
 * ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}) on the test class path. Executors get
 * the same class path through {@code spark.executor.extraClassPath}; the processes are destroyed on {@link #close}.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final long START_MILLIS = 60_000;
    /** JVM options that start the cluster's JVMs (and the tests' executors) quickly: the fast compiler only. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final int port;

    /** Starts a master and {@code workers} one-core workers; their logs go to {@code dir}. */
    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        this.dir = dir;
        this.port = freePort();
        try {
            start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", "0");
            awaitPort();
            for (int k = 0; k < workers; k++) {
                Path work = Files.createDirectories(dir.resolve("work" + k));
                start("worker" + k, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                        "--memory", "1g", "--webui-port", "0", "--work-dir", work.toString(), url());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The master's URL. */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The class path the test runs with (surefire's, else the JVM's). */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void start(String name, String mainClass, String... args) throws IOException {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars")).getParent();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + Path.of("spark-java.options").toAbsolutePath(), "-Xmx256m", "-cp", classPath(),
                mainClass));
        command.addAll(1, List.of(QUICK_START.split(" ")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", sparkHome.toString()); // its jars/ is empty: executors get our class path
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(pb.start());
    }

    private void awaitPort() throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (!processes.get(0).isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark master did not start; see " + dir.resolve("master.log") + ":\n"
                + Files.readString(dir.resolve("master.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** The logs of the master and workers, for a failure message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.endsWith(".log"))) {
            try {
                sb.append("--- ").append(f.getName()).append('\n').append(Files.readString(f.toPath()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
