package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import io.smoothspike.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One REPL session driven as a user would: build, simulate, train, plot, export, fail, interrupt, save, load. */
class ReplSessionTest {

    /** The README's single-neuron network, over several lines with leading dots (piped input joins them). */
    static final String SINGLE_NEURON = """
            var rng = new SplittableRandom(5)
            double[][] fixed = new double[20][1]
            for (double[] f : fixed) f[0] = 10 * rng.nextDouble();
            Network net = network("single_neuron")
                    .trial(10, 25)
                    .input("learned", 2).spikes(new double[][] {{1.0}, {9.0}}).trainableTimes()
                    .input("fixed", 20).spikes(fixed)
                    .population("neuron", 1, qif(1))
                    .connect("learned", "neuron")
                    .connect("fixed", "neuron").weights(normal(0, 1, 6)).frozen()
                    .readout("neuron").spikes(2)
                    .loss(spikeTimeLoss(new double[][] {{2.5, 7.5}}))
                    .compile()
            """;

    @TempDir
    static Path dir;
    static ReplHarness repl;

    @BeforeAll
    static void start() {
        System.setProperty("smoothspike.runs", dir.resolve("runs").toString());
        repl = new ReplHarness(dir);
        assertEquals(0, repl.pipe(SINGLE_NEURON), repl.err());
    }

    @AfterAll
    static void stop() {
        repl.close();
        System.clearProperty("smoothspike.runs");
    }

    @Test
    void buildsSimulatesTrainsPlotsAndExports() throws Exception {
        repl.clear();
        // a fresh, untrained network: other tests of this shared session may have trained 'net'
        String session = SINGLE_NEURON + """
                net.simulate().outputTimes()[0].length
                var r = train(net, new TrainingSettings().trials(200).optimizer("sgd").learningRate(0.1)
                        .clipElementwise(0.02).evaluateEvery(50))
                r.finalLoss() < r.initialLoss()
                /plot raster net
                /plot trace net traces.svg
                /plot curve r
                /export net exported.json
                /open exported.json
                exported.simulate().outputTimes()[0].length
                """;
        assertEquals(0, repl.pipe(session), repl.err());
        String out = repl.out();
        assertTrue(out.contains("r ==> TrainingResult[loss "), out);
        assertTrue(out.matches("(?s).*\\$\\d+ ==> true.*"), "training lowered the loss:\n" + out);
        for (String f : new String[] {"net-raster.png", "traces.svg", "r-curve.png", "exported.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(out.contains("wrote " + dir.resolve("net-raster.png")), out);
        assertTrue(Files.isDirectory(dir.resolve("runs")), "Snn.train writes below smoothspike.runs");

        // the exported file loads, with the trained parameters
        Network trained = (Network) repl.session.evaluator().valueOf("net");
        Network loaded = Network.load(dir.resolve("exported.json"));
        for (String p : trained.parameterNames()) {
            assertArrayEquals(trained.parameter(p), loaded.parameter(p), p);
        }
        // /open made a variable named after the file; its object is of the application's own Network class
        Object opened = repl.session.evaluator().valueOf("exported");
        assertSame(Network.class, opened.getClass());
        assertTrue(out.contains("exported ==> Network single_neuron"), out);
        Object result = repl.session.evaluator().valueOf("r");
        assertSame(TrainingResult.class, result.getClass());
    }

    @Test
    void weightsAreEjmlMatricesInTheSession() {
        try (ReplHarness r = new ReplHarness(dir)) {
            String session = """
                    Network deep = network("deep").trial(5).input("in", 784).external()
                            .population("h1", 100, qif(1)).population("h2", 100, qif(1)).population("o", 10, qif(1))
                            .connect("in", "h1").weights(fanInUniform(0.5, 1))
                            .connect("h1", "h2").weights(orthogonal(1, 3))
                            .connect("h2", "o").weights(fanInUniform(0.5, 2))
                            .compile()
                    DMatrixRMaj w = deep.weights("h1->h2")
                    w.getNumRows() + " x " + w.getNumCols()
                    MatrixFeatures_DDRM.isOrthogonal(w, 1e-12)
                    CommonOps_DDRM.scale(2, w);
                    deep.setWeights("h1->h2", w);
                    Math.abs(NormOps_DDRM.normF(deep.weights("h1->h2")) - 20) < 1e-12
                    """;
            assertEquals(0, r.pipe(session), r.err());
            assertTrue(r.out().contains("==> \"100 x 100\""), r.out());
            assertFalse(r.out().contains("==> false"), r.out());
            assertEquals(2, r.out().split("==> true", -1).length - 1, r.out());
        }
    }

    @Test
    void exportWritesTheNetworkForNumpyAndRefusesToOverwriteWithoutForce() throws Exception {
        repl.clear();
        Path npz = dir.resolve("export").resolve("net.npz");
        assertTrue(repl.handle("/export net export/net.npz"), repl.err());
        assertTrue(repl.out().contains("arrays to " + npz), repl.out());
        try (ZipFile z = new ZipFile(npz.toFile())) {
            for (String a : new String[] {"learned->neuron.weight", "learned->neuron.mask", "neuron.tau",
                    "output.times", "spikes.time", "metadata"}) {
                assertTrue(z.getEntry(a + ".npy") != null, a);
            }
        }
        assertFalse(repl.handle("/export net export/net.npz"));
        assertTrue(repl.err().contains("error: " + npz + " exists; add --force to replace it"), repl.err());
        assertTrue(repl.handle("/export net export/net.npz --force --samples 2"), repl.err());

        assertTrue(repl.handle("/export net export/doc.json --format json"), repl.err());
        JsonNode arrays = Json.MAPPER.readTree(dir.resolve("export").resolve("doc.json").toFile()).get("arrays");
        Network net = (Network) repl.session.evaluator().valueOf("net");
        assertEquals(net.simulate().outputTimes()[0][0],
                arrays.get("output.times").get("data").get(0).get(0).get(0).doubleValue(), 0.0);
        assertFalse(repl.handle("/export net export/x.npz --samples many"));
        assertTrue(repl.err().contains("--samples needs a whole number"), repl.err());
    }

    @Test
    void failuresShowOneLineAndLeaveAWorkingSession() {
        repl.clear();
        assertFalse(repl.handle("int x = ;"));
        assertFalse(repl.handle("netwrk.simulate()"));
        assertFalse(repl.handle("/frobnicate"));
        assertFalse(repl.handle("Integer.parseInt(\"x\")"));
        assertFalse(repl.handle("/plot raster rng"));
        String[] lines = repl.err().strip().split("\n");
        assertEquals(5, lines.length, repl.err());
        assertEquals("error: illegal start of expression" + Session.TRACE_HINT, lines[0]);
        assertEquals("error: cannot find symbol: netwrk" + Session.TRACE_HINT, lines[1]);
        assertTrue(lines[2].startsWith("error: unknown command /frobnicate"), lines[2]);
        assertEquals("exception: NumberFormatException: For input string: \"x\"" + Session.TRACE_HINT, lines[3]);
        assertTrue(lines[4].contains("not a Network"), lines[4]);
        repl.clear();
        assertTrue(repl.handle("/trace"));
        assertTrue(repl.out().contains("rng holds a SplittableRandom"), repl.out());
        assertFalse(repl.handle("Integer.parseInt(\"y\")"));
        repl.clear();
        assertTrue(repl.handle("/trace"));
        assertTrue(repl.out().contains("java.lang.NumberFormatException: For input string: \"y\""), repl.out());
        assertTrue(repl.out().contains("at java.base/java.lang.Integer.parseInt"), repl.out());
        repl.clear();
        assertTrue(repl.handle("6 * 7"));
        assertTrue(repl.out().contains("==> 42"), repl.out());
    }

    @Test
    void ctrlCStopsTrainingAtAStepAndTheSessionGoesOn() throws Exception {
        assertTrue(repl.handle("Network inet = net"));
        repl.clear();
        AtomicBoolean ok = new AtomicBoolean();
        Thread user = new Thread(() -> ok.set(repl.handle(
                "var ir = train(inet, new TrainingSettings().trials(50_000_000).optimizer(\"sgd\")"
                        + ".learningRate(0.1).clipElementwise(0.02).evaluateEvery(10_000_000))")));
        user.start();
        waitUntilRunning();
        Thread.sleep(500); // let training get going
        long t0 = System.nanoTime();
        repl.session.interrupt(); // what Ctrl-C does
        user.join(10_000);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertFalse(user.isAlive());
        assertTrue(ok.get(), "training returned normally: " + repl.err());
        assertTrue(seconds < SnippetEvaluator.STOP_AFTER_MS / 1000.0, "stopped by the interrupt, not JShell.stop: "
                + seconds + " s");
        assertTrue(repl.out().contains("interrupted"), repl.out());
        TrainingResult r = (TrainingResult) repl.session.evaluator().valueOf("ir");
        assertTrue(r.interrupted());
        repl.clear();
        assertTrue(repl.handle("inet.simulate().outputTimes()[0].length"));
        assertTrue(repl.out().contains("==> 2"), repl.out());
    }

    @Test
    void aSnippetThatIgnoresInterruptsIsStopped() throws Exception {
        repl.clear();
        AtomicBoolean ok = new AtomicBoolean(true);
        Thread user = new Thread(() -> ok.set(repl.handle("long spins = 0; while (true) spins++;")));
        user.start();
        waitUntilRunning();
        Thread.sleep(300);
        repl.session.interrupt();
        user.join(10_000);
        assertFalse(user.isAlive());
        assertFalse(ok.get());
        assertTrue(repl.err().startsWith("interrupted"), repl.err());
        repl.clear();
        assertTrue(repl.handle("spins > 0"));
        assertTrue(repl.out().contains("==> true"), repl.out());
    }

    @Test
    void varsSaveResetAndLoad() throws Exception {
        try (ReplHarness a = new ReplHarness(dir); ReplHarness b = new ReplHarness(dir)) {
            assertEquals(0, a.pipe(SINGLE_NEURON + "int answer = 42\n/vars\n/save session.jsh\n"), a.err());
            assertTrue(a.out().contains("int answer = 42"), a.out());
            assertTrue(a.out().contains("Network net = Network single_neuron"), a.out());
            String saved = Files.readString(dir.resolve("session.jsh"));
            assertTrue(saved.startsWith(String.join("\n", SnippetEvaluator.IMPORTS)), saved);
            assertTrue(saved.contains("int answer = 42;"), saved);
            assertTrue(b.handle("/load session.jsh"), b.err());
            b.clear();
            assertTrue(b.handle("answer + net.parameterNames().size()"));
            assertTrue(b.out().contains("==> 4"), b.out());
            assertTrue(b.handle("/reset"));
            assertFalse(b.handle("answer"));
            assertTrue(b.handle("qif(1)"), "imports are back after /reset: " + b.err());
        }
    }

    @Test
    void runMakesTheScriptsNetworksVariables() throws Exception {
        Files.writeString(dir.resolve("tiny.groovy"), """
                def p = params(w: 1.5)
                network('tiny-net') {
                    trial duration: 10, spikeCap: 25
                    input 'in', size: 2, spikes: [[1.0], [9.0]]
                    population 'out', size: 1, model: qif(tau: 1)
                    connect 'in', 'out', weights: p.w
                    readout 'out', spikes: 2
                    loss spikeTime([[2.5, 7.5]])
                }
                """);
        repl.clear();
        assertTrue(repl.handle("/run tiny.groovy -Pw=2.0"), repl.err());
        assertTrue(repl.out().contains("tiny_net ==> Network tiny-net"), repl.out());
        assertTrue(repl.handle("tiny_net.parameter(\"in->out.weight\")[0]"));
        assertTrue(repl.out().contains("==> 2.0"), repl.out());
        assertFalse(repl.handle("/run tiny.groovy -Pnope"));
        assertFalse(repl.handle("/run missing.groovy"));
    }

    @Test
    void openAndRunNeverReplaceAVariable() throws Exception {
        try (ReplHarness a = new ReplHarness(dir)) {
            assertEquals(0, a.pipe(SINGLE_NEURON + "var names = net.parameterNames()\n/export net net.json\n"),
                    a.err());
            Object net = a.session.evaluator().valueOf("net");
            Object names = a.session.evaluator().valueOf("names");
            a.clear();
            assertTrue(a.handle("/open net.json"), a.err());
            assertTrue(a.out().contains("net exists already, so the network goes into net2"), a.out());
            assertTrue(a.out().contains("net2 ==> Network single_neuron"), a.out());
            assertSame(net, a.session.evaluator().valueOf("net"), "net is untouched");
            assertSame(names, a.session.evaluator().valueOf("names"), "and so is what was computed from it");
            assertTrue(a.handle("/open net.json"));
            assertTrue(a.out().contains("net3 ==> Network single_neuron"), a.out());
            Files.writeString(dir.resolve("net2.groovy"), """
                    network('net2') {
                        trial duration: 10, spikeCap: 25
                        input 'in', size: 1, spikes: [[1.0]]
                        population 'out', size: 1, model: qif(tau: 1)
                        connect 'in', 'out'
                    }
                    """);
            a.clear();
            assertTrue(a.handle("/run net2.groovy"), a.err());
            assertTrue(a.out().contains("net2 exists already, so the network goes into net2_2"), a.out());
            assertTrue(a.out().contains("net2_2 ==> Network net2"), a.out());
        }
    }

    private static void waitUntilRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!repl.session.evaluator().isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
