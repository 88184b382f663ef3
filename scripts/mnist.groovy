// docs/experiments.md §4: a deep, initially silent network of theta neurons classifies MNIST by first spikes.
// 784 -> 100 -> 100 -> 10, tau = 6/pi and I0 = 5/4 (period 6), T = 2; a pixel >= 128 spikes at T ln(1/0.99);
// initial phases 3 (half the period: every neuron is silent), weights uniform in +-0.5/sqrt(fan-in);
// trainable: all weights and initial phases. The spike cap K is 2 per hidden neuron (200 for the paper's width).
// -Pdata: 'mnist', 'fashion-mnist' (fashion_mnist.groovy runs this script so) or a folder of IDX files of one's own,
// whose image size and classes set the input and the read-out. -Pbins: intensity levels of the input spike times
// (image encoder; 1: the binarised image above); more than 1 needs -Pflip=0, as the pixel flips binarise.
// -Pgamma: weight of the loss term that pulls the correct output's spike early (0.01, the paper's).
def p = params(seed: 1, hidden: 100, epochs: 100, batch: 1000, lr: 4e-3, decayEpochs: 100, flip: 0.02,
        trainLimit: 0, testLimit: 0, data: 'mnist', bins: 1, gamma: 0.01)

def load = { split ->
    switch (p.data) {
        case 'mnist': return mnist(split: split)
        case 'fashion-mnist': return fashionMnist(split: split)
        default: return idx(dir: p.data, split: split)
    }
}
if (p.bins > 1 && p.flip > 0) {
    throw new IllegalArgumentException("flip: ${p.flip} binarises the training images, but bins: ${p.bins} encodes " +
            'grey levels, so training and test would see different inputs; give -Pflip=0 with -Pbins above 1')
}
def trainSet = load('train')
def testSet = load('test')
def neuron = theta(tau: 6 / Math.PI, drive: 1.25)
def name = p.data in ['mnist', 'fashion-mnist'] ? p.data : 'idx'

def net = network(name) {
    trial duration: 2, spikeCap: 2 * p.hidden
    input 'pixels', size: trainSet.pixelCount(), image: [bins: p.bins]
    population 'h1', size: p.hidden, model: neuron, phase0: 3, trainInitial: true
    population 'h2', size: p.hidden, model: neuron, phase0: 3, trainInitial: true
    population 'out', size: trainSet.classes(), model: neuron, phase0: 3, trainInitial: true
    connect 'pixels', 'h1', weights: fanInUniform(scale: 0.5, seed: p.seed)
    connect 'h1', 'h2', weights: fanInUniform(scale: 0.5, seed: p.seed + 1)
    connect 'h2', 'out', weights: fanInUniform(scale: 0.5, seed: p.seed + 2)
    readout 'out'
    loss crossEntropy(gamma: p.gamma)
}

def before = net.simulate(net.input(0, testSet.pixels(0)))
write 'raster_before.txt', before.rasterSummary()
log "$name: test sample 0 (label ${testSet.label(0)}) before training: ${before.record().spikeCount()} ordinary " +
        "spikes, output times " + before.outputTimes().collect { String.format('%.3f', it[0]) }.join(' ')

// AdaBelief (b1 0.9, b2 0.999), learning rate 4e-3 decaying by 1/e every 100 epochs, batch 1000,
// each binarised pixel flipped with probability 0.02 in every batch
def training = train(net, data: trainSet, test: testSet, epochs: p.epochs, batch: p.batch, optimizer: 'adabelief',
        lr: p.lr, decayEpochs: p.decayEpochs, flip: p.flip, seed: p.seed, trainLimit: p.trainLimit,
        testLimit: p.testLimit)

def after = net.simulate(net.input(0, testSet.pixels(0)))
write 'raster.txt', after.rasterSummary()
Plots.raster(after.record(), net.graph(), null, null, "Spike raster, test sample 0 (label ${testSet.label(0)}), " +
        'after training', out.resolve('raster_after.png'))
Plots.lossAndErrorCurves(training, true, out) // loss.png and error.png
def epochs = training.history() // row 0 is before training, row e the end of epoch e
def firstTimes = (0..<Math.min(1000, testSet.size())).collect {
    net.simulate(net.input(it, testSet.pixels(it))).outputTimes().collect { t -> t[0] }.min()
} as double[]
Plots.histogram(firstTimes, 40, 'earliest output time [τ]', 2.0,
        "Earliest output spike time, first ${firstTimes.length} test samples, after training",
        out.resolve('output_times_histogram.png'))
def m = training.finalMetrics()
log String.format(name + ': test accuracy %.2f%% (ordinary spikes only %.2f%%), activity %.3f, silent %.3f, ' +
        'loss %.4f, %.1f s per epoch', 100 * m.test_accuracy, 100 * m.test_accuracy_ordinary, m.activity,
        m.silent_fraction, m.test_loss, m.seconds_per_epoch)

// results.md: this run before training (step 0) and after the last epoch, beside the values published for its data
// set only: MNIST the paper's table (docs/experiments.md §4.2); Fashion-MNIST other time-to-first-spike networks
// (not this protocol); nothing for data of one's own
def before0 = epochs.first()
def last = epochs.last()
def rows = [
        ['accuracy, pseudospikes included', 'accuracy', 100, '%.2f %%', '10.4 ± 0.7 %', '97.6 ± 0.1 %'],
        ['accuracy, ordinary spikes only', 'accuracy_ordinary', 100, '%.2f %%', '9.8 %', '97.3 ± 0.1 %'],
        ['hidden spikes per neuron per sample', 'activity', 1, '%.3f', '0.000', '0.417 ± 0.012'],
        ['hidden neurons silent on the whole test set', 'silent_fraction', 1, '%.3f', '0.997', '0.000'],
        ['loss (pseudospikes included)', 'loss', 1, '%.3f', '2.344', '0.139 ± 0.007']]
def paper = name == 'mnist'
def epochsDone = last.epoch % 1 == 0 ? last.epoch as int : last.epoch
def table = new StringBuilder("| metric | before training | after ${epochsDone} epochs |" +
        (paper ? ' published before | published after |\n|---|---|---|---|---|\n' : '\n|---|---|---|\n'))
rows.each { metric, key, scale, format, pubBefore, pubAfter ->
    table << "| $metric | ${String.format(Locale.ROOT, format, scale * before0[key])} | " +
            "${String.format(Locale.ROOT, format, scale * last[key])} |" +
            (paper ? " $pubBefore | $pubAfter |\n" : '\n')
}
if (name == 'fashion-mnist') {
    table << '\nPublished test accuracies on Fashion-MNIST of time-to-first-spike networks trained by spike-time ' +
            'backpropagation (other neurons, networks and training, not this protocol): 88.0 % (S4NN, real-valued ' +
            'weights) and 87.3 % (BS4NN, binary weights), Kheradpisheh, Mirsadeghi & Masquelier, Neural Processing ' +
            'Letters 2021 (arXiv:2007.04039).\n'
} else if (!paper) {
    table << "\nNo published values: data of one's own (${p.data}).\n"
}
write 'results.md', table.toString()
log "$name: ${paper ? 'published results (docs/experiments.md §4.2) beside this run' : 'this run'} (results.md):\n" +
        table
