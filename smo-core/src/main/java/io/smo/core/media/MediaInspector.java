package io.smo.core.media;

import io.smo.core.SmoPublicApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;

/**
 * Reads a media file's format from its content (magic bytes, never its name), and its pixel
 * dimensions and video duration from its headers, without reading the file whole into memory.
 *
 * <p>Images: dimensions through {@code javax.imageio} readers, which read only the header. Video
 * (MP4/MOV): duration from the {@code mvhd} box, width and height from the first video track's
 * {@code tkhd} box, through mp4parser's {@code IsoFile} over a {@link FileChannel} (the media data
 * box is skipped, not loaded). Stateless and thread-safe.
 */
@SmoPublicApi
public final class MediaInspector {
  private MediaInspector() {}

  /**
   * Detects the format from the first bytes of {@code head}.
   *
   * @param head at least the first 12 bytes of the content (fewer gives {@link
   *     MediaFormat#UNKNOWN})
   */
  public static MediaFormat detect(byte[] head) {
    int n = head.length;
    if (n >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF) {
      return MediaFormat.JPEG;
    }
    if (n >= 8
        && (head[0] & 0xFF) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G'
        && head[4] == 0x0D
        && head[5] == 0x0A
        && head[6] == 0x1A
        && head[7] == 0x0A) {
      return MediaFormat.PNG;
    }
    if (n >= 6) {
      String sig = new String(head, 0, 6, StandardCharsets.ISO_8859_1);
      if (sig.equals("GIF87a") || sig.equals("GIF89a")) {
        return MediaFormat.GIF;
      }
    }
    if (n >= 12
        && head[0] == 'R'
        && head[1] == 'I'
        && head[2] == 'F'
        && head[3] == 'F'
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return MediaFormat.WEBP;
    }
    if (n >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
      return switch (brand) {
        case "qt  " -> MediaFormat.MOV;
        case "heic", "heix", "mif1", "msf1", "heim", "heis", "hevc" -> MediaFormat.HEIC;
        default -> MediaFormat.MP4;
      };
    }
    return MediaFormat.UNKNOWN;
  }

  /**
   * Inspects a file.
   *
   * @param file the media file
   * @return format, size in bytes, dimensions and duration (as far as the headers tell)
   * @throws IOException if the file cannot be read
   */
  public static MediaInfo inspect(Path file) throws IOException {
    long size = Files.size(file);
    byte[] head = new byte[16];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    byte[] h = read == head.length ? head : java.util.Arrays.copyOf(head, read);
    MediaFormat format = detect(h);
    return switch (format) {
      case JPEG, PNG, GIF, WEBP -> imageInfo(file, format, size);
      case MP4, MOV -> videoInfo(file, format, size);
      default -> new MediaInfo(format, size, 0, 0, null, false);
    };
  }

  /**
   * Inspects in-memory content.
   *
   * @param bytes the whole content
   * @return format, size and image dimensions where an image reader knows the format
   */
  public static MediaInfo inspect(byte[] bytes) {
    MediaFormat format = detect(bytes.length > 16 ? java.util.Arrays.copyOf(bytes, 16) : bytes);
    int w = 0;
    int hgt = 0;
    if (format.kind() != null && format != MediaFormat.MP4 && format != MediaFormat.MOV) {
      try (ImageInputStream iis =
          ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
        int[] dims = dimensions(iis);
        w = dims[0];
        hgt = dims[1];
      } catch (IOException e) {
        // dimensions stay unknown
      }
    }
    return new MediaInfo(format, bytes.length, w, hgt, null, false);
  }

  private static MediaInfo imageInfo(Path file, MediaFormat format, long size) throws IOException {
    int[] dims = {0, 0};
    try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
      if (iis != null) {
        dims = dimensions(iis);
      }
    }
    return new MediaInfo(format, size, dims[0], dims[1], null, false);
  }

  private static int[] dimensions(ImageInputStream iis) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
    if (!readers.hasNext()) {
      return new int[] {0, 0};
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(iis, true, true);
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    } finally {
      reader.dispose();
    }
  }

  private static MediaInfo videoInfo(Path file, MediaFormat format, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        IsoFile iso = new IsoFile(channel)) {
      MovieBox moov = iso.getMovieBox();
      if (moov == null) {
        return new MediaInfo(format, size, 0, 0, null, false);
      }
      Duration duration = null;
      MovieHeaderBox mvhd = moov.getMovieHeaderBox();
      if (mvhd != null && mvhd.getTimescale() > 0) {
        duration = Duration.ofMillis(mvhd.getDuration() * 1000L / mvhd.getTimescale());
      }
      int w = 0;
      int h = 0;
      boolean audio = false;
      for (TrackBox track : moov.getBoxes(TrackBox.class)) {
        String handler =
            track.getMediaBox() != null && track.getMediaBox().getHandlerBox() != null
                ? track.getMediaBox().getHandlerBox().getHandlerType()
                : "";
        TrackHeaderBox tkhd = track.getTrackHeaderBox();
        if ("vide".equals(handler) && tkhd != null && w == 0) {
          w = (int) Math.round(tkhd.getWidth());
          h = (int) Math.round(tkhd.getHeight());
        } else if ("soun".equals(handler)) {
          audio = true;
        }
      }
      return new MediaInfo(format, size, w, h, duration, audio);
    } catch (RuntimeException e) {
      // a damaged container: the format is known, the rest is not
      return new MediaInfo(format, size, 0, 0, null, false);
    }
  }
}
