package org.braindyn.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Fashion-MNIST (Xiao et al. 2017; 60,000 training and 10,000 test images of 28 × 28 pixels, 10 classes), read from
 * the four IDX files in a folder — by default {@value #DEBIAN_DIR}, where Debian's {@code dataset-fashion-mnist}
 * package puts them ({@code sudo apt-get install dataset-fashion-mnist}). Images come as float32 in [0, 1]
 * ({@code pixel / 255}), labels as int32. MNIST itself has the same file names and layout.
 * <pre>{@code
 * FashionMnist.Split train = FashionMnist.load().train();    // images (60000, 28, 28), labels (60000,)
 * }</pre>
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    /** The class names, by label. */
    public static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {}

    /** Images {@code (n, 28, 28)} in [0, 1] and their labels {@code (n,)}. */
    public record Split(Tensor images, Tensor labels) {
        public Split {
            if (images.dim(0) != labels.dim(0)) throw new IllegalArgumentException("FashionMnist.Split: " + images.dim(0) + " images but " + labels.dim(0) + " labels");
        }
        /** Samples. */
        public int size() { return labels.dim(0); }
        /** The first {@code n} samples. */
        public Split head(int n) { return new Split(images.get(":" + n).contiguous(), labels.get(":" + n).contiguous()); }
    }

    /** Both splits. */
    public record Data(Split train, Split test) {}

    /** From {@value #DEBIAN_DIR}. */
    public static Data load() throws IOException { return load(Path.of(DEBIAN_DIR)); }

    /** From {@code dir}, holding {@code train-images-idx3-ubyte[.gz]} and the three other files. */
    public static Data load(Path dir) throws IOException {
        return new Data(split(dir, "train"), split(dir, "t10k"));
    }

    private static Split split(Path dir, String prefix) throws IOException {
        Tensor img = Idx.read(find(dir, prefix + "-images-idx3-ubyte")), lab = Idx.read(find(dir, prefix + "-labels-idx1-ubyte"));
        if (img.ndim() != 3) throw new IOException("FashionMnist: " + prefix + " images must have 3 dimensions (n, rows, cols); got " + img.shape());
        if (lab.ndim() != 1) throw new IOException("FashionMnist: " + prefix + " labels must have 1 dimension; got " + lab.shape());
        return new Split(BM.divide(img.astype(DType.F32), 255.0f), lab);
    }

    private static Path find(Path dir, String name) throws IOException {
        for (String ext : new String[] {".gz", ""}) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IOException("FashionMnist: no " + name + "[.gz] in " + dir + (dir.toString().equals(DEBIAN_DIR)
                ? "; install the dataset with: sudo apt-get install dataset-fashion-mnist" : "; expected the four IDX files of (Fashion-)MNIST there"));
    }
}
