// The interval task (docs/experiments.md §7): channels A and B spike once per trial, and the class is which of the
// gaps 4, 6, 8, 10 (in τ) separates them, with a random onset over [0, 8] and jitter ±0.2; chance level 25 %. The
// gaps are longer than a QIF neuron integrates (τ = 1, synaptic current τ/2), so a network without delays would
// have to carry A's spike across the gap, while per-synapse delays on the input projection can shift A's spike onto
// B's, into coincidence. 2 inputs -> hidden -> 4 outputs, QIF neurons with pseudospikes, first-spike cross-entropy;
// the class is the output neuron that fires first. -Pdelays=true gives every input synapse a delay, initially
// uniform in [0, maxDelay] and trained within [0, maxDelay] (-PtrainDelays=false: frozen at those random values);
// -Pdelays=false (default) has none, and is otherwise the same network and training. Initial weights: input
// uniform in [0.5, 3.5] (one input alone fires a QIF neuron from rest above π²/4 ≈ 2.47), output uniform in
// [-0.5, 1.5]; AdaBelief, learning rate 0.01 falling to 1e-4 on a cosine, batch 50.
// Model selection: the validation split is evaluated after every epoch and the best model by validation accuracy is
// kept as model_best.json; results.md gives the test accuracy of the best and of the last model.
// Writes loss.png, error.png, confusion.csv (last model, test set), results.md, metrics.csv/json, model*.json.
import io.smoothspike.data.SpikeIntervals

def p = params(seed: 1, delays: false, trainDelays: true, hidden: 40, epochs: 10, batch: 50, lr: 0.01,
        gamma: 0.01, inLow: 0.5, inHigh: 3.5, outLow: -0.5, outHigh: 1.5, maxDelay: 12.0, duration: 32.0, classes: 4,
        shortestGap: 4.0, gapStep: 2.0, onsetSpread: 8.0, jitter: 0.2, distractors: 0, trainLimit: 0, testLimit: 0)

def task = [classes: p.classes, shortestGap: p.shortestGap, gapStep: p.gapStep, onsetSpread: p.onsetSpread,
            jitter: p.jitter, distractors: p.distractors]
def trainSet = spikeIntervals(task + [split: 'train'])
def validationSet = spikeIntervals(task + [split: 'validation'])
def testSet = spikeIntervals(task + [split: 'test'])
def settings = new SpikeIntervals.Settings(p.classes, p.shortestGap, p.gapStep, p.onsetSpread, p.jitter,
        p.distractors)
double lastArrival = settings.latest() + (p.delays ? p.maxDelay : 0)
if (lastArrival > p.duration) {
    throw new IllegalArgumentException("delays_temporal: an input spike can arrive at ${lastArrival}, after the "
            + "trial end ${p.duration}; give -Pduration=${Math.ceil(lastArrival + 2)} or more")
}
def inputWeights = uniform(low: p.inLow, high: p.inHigh, seed: p.seed)
def delayArgs = p.delays ? [delays: uniform(low: 0, high: p.maxDelay, seed: p.seed + 2),
                             trainDelays: p.trainDelays, maxDelay: p.maxDelay] : [:]

def net = network('intervals') {
    trial duration: p.duration, spikeCap: 20 * p.hidden
    input 'in', size: settings.channels(), external: true
    population 'hidden', size: p.hidden, model: qif(tau: 1), trainInitial: true
    population 'out', size: p.classes, model: qif(tau: 1), trainInitial: true
    connect([weights: inputWeights] + delayArgs, 'in', 'hidden')
    connect 'hidden', 'out', weights: uniform(low: p.outLow, high: p.outHigh, seed: p.seed + 1)
    readout 'out'
    loss crossEntropy(gamma: p.gamma)
}

long start = System.nanoTime()
def training = train(net, data: trainSet, validation: validationSet, test: testSet, epochs: p.epochs,
        batch: p.batch, optimizer: 'adabelief', lr: p.lr, cosine: p.lr / 100, seed: p.seed, trainLimit: p.trainLimit,
        testLimit: p.testLimit)
double seconds = (System.nanoTime() - start) * 1e-9

Plots.lossAndErrorCurves(training, false, out) // loss.png and error.png

// confusion matrix of the last model on the test set: rows the true class, columns the predicted one
int shown = p.testLimit > 0 ? Math.min(p.testLimit, testSet.size()) : testSet.size()
def confusion = (0..<p.classes).collect { [0] * p.classes }
(0..<shown).each { i ->
    def first = net.simulate(net.input(i, testSet.inputTimes(i))).outputTimes().collect { it[0] }
    confusion[testSet.label(i)][first.indexOf(first.min())]++
}
def rows = confusion.withIndex().collect { row, k -> "$k," + row.join(',') }
write 'confusion.csv', (['true\\predicted,' + (0..<p.classes).join(',')] + rows).join('\n') + '\n'

def m = training.finalMetrics()
def percent = { String.format(Locale.ROOT, '%.2f %%', 100 * it) }
def best = m.best_model
def variant = !p.delays ? 'no delays' : (p.trainDelays ? 'trainable' : 'frozen') \
        + " per-synapse delays on in->hidden, initially uniform in [0, ${p.maxDelay}]"
def table = """Interval task, ${p.classes} classes (chance ${percent(1.0 / p.classes)}), ${variant}, seed ${p.seed}.

| metric | this run |
|---|---|
| test accuracy, pseudospikes included, best model by validation (epoch ${best.epoch}) | \
${percent(best.test_accuracy)} |
| test accuracy, ordinary spikes only, best model | ${percent(best.test_accuracy_ordinary)} |
| test accuracy, pseudospikes included, last model | ${percent(m.test_accuracy)} |
| test accuracy, ordinary spikes only, last model | ${percent(m.test_accuracy_ordinary)} |
| training time | ${String.format(Locale.ROOT, '%.1f s', seconds)} (${p.epochs} epochs, \
${String.format(Locale.ROOT, '%.2f s', seconds / p.epochs)} per epoch, ${m.settings.threads} threads) |
"""
write 'results.md', table
log String.format(Locale.ROOT, 'delays_temporal (%s): test accuracy %.2f%% (ordinary spikes only %.2f%%) with the '
        + 'best model by validation (epoch %s), %.2f%% (%.2f%%) with the last; trained in %.1f s',
        !p.delays ? 'no delays' : p.trainDelays ? 'trained delays' : 'frozen delays', 100 * best.test_accuracy,
        100 * best.test_accuracy_ordinary, best.epoch, 100 * m.test_accuracy, 100 * m.test_accuracy_ordinary, seconds)
