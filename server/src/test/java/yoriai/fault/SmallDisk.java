package yoriai.fault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test, and a ballast file that fills it to the last byte. Needs
 * root; {@link #mount} returns null where mounting is not possible so the test can skip.
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;
  private final Path ballast;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.ballast = mountPoint.resolve("ballast");
  }

  static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString()) ? new SmallDisk(mountPoint) : null;
  }

  /** Writes the ballast until the file system refuses another byte; returns its size. */
  long fill() throws IOException {
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(ballast)) {
      for (int size = chunk.length; size > 0; size /= 2) {
        try {
          while (true) {
            out.write(chunk, 0, size);
            out.flush();
          }
        } catch (IOException full) {
          // try a smaller piece in whatever is left
        }
      }
    } catch (IOException closingAFullFile) {
      // the last buffered bytes had nowhere to go either
    }
    return Files.size(ballast);
  }

  long usableBytes() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  void free() throws IOException {
    Files.deleteIfExists(ballast);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", "-l", mountPoint.toString());
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
