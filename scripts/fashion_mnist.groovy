// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017: 28x28 grey-level images of clothing in 10 classes) with the protocol
// of mnist.groovy: 784 -> 100 -> 100 -> 10 theta neurons starting silent, 100 epochs of AdaBelief, the same network,
// optimizer and parameters, with two changes for grey-level images: 8 intensity levels as input spike times
// (-Pbins=8: a pixel x spikes if x >= 29, brighter earlier, from T ln(1/0.99) to T ln(1/0.92)) instead of one
// binarised level, and no pixel flips (-Pflip=0: that augmentation binarises the images). -Pbins=1 -Pflip=0.02 is
// mnist.groovy's protocol unchanged. './smoothspike data fashion-mnist' fetches the data; -Phidden=200 is wider.
include 'mnist.groovy', data: 'fashion-mnist', bins: 8, flip: 0
