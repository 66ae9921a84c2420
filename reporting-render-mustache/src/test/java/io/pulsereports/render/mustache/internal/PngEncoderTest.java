package io.pulsereports.render.mustache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The charts' PNG writer: exact pixels, a well-formed file, the same bytes every time. */
class PngEncoderTest {

  @Test
  void keepsEveryPixelOfAChartLikeImage() throws IOException {
    BufferedImage image = chartLike(BufferedImage.TYPE_INT_RGB, 333, 121);

    assertThat(pixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image))))).isEqualTo(pixels(image));
  }

  @Test
  void keepsEveryPixelOfNoiseAndOfAnImageThatIsNotPackedRgb() throws IOException {
    BufferedImage noise = new BufferedImage(97, 53, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    BufferedImage bgr = chartLike(BufferedImage.TYPE_3BYTE_BGR, 200, 90);

    assertThat(pixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(noise))))).isEqualTo(pixels(noise));
    assertThat(pixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(bgr))))).isEqualTo(pixels(bgr));
  }

  @Test
  void writesAWellFormedRgbFileWithOneIdatChunk() throws DataFormatException {
    BufferedImage image = chartLike(BufferedImage.TYPE_INT_RGB, 240, 80);
    byte[] png = PngEncoder.encode(image);

    List<Chunk> chunks = chunks(png);
    assertThat(chunks).extracting(Chunk::type).containsExactly("IHDR", "IDAT", "IEND");
    ByteBuffer header = ByteBuffer.wrap(chunks.get(0).data());
    assertThat(header.getInt()).as("width").isEqualTo(240);
    assertThat(header.getInt()).as("height").isEqualTo(80);
    assertThat(header.get()).as("bit depth").isEqualTo((byte) 8);
    assertThat(header.get()).as("colour type RGB").isEqualTo((byte) 2);
    assertThat(Arrays.copyOfRange(chunks.get(0).data(), 10, 13)).as("deflate, adaptive filtering, no interlace")
        .containsOnly(0);
    // Each row: a filter type (0 none, 2 up for a repeated row), then 3 bytes per pixel.
    byte[] rows = inflate(chunks.get(1).data());
    assertThat(rows).hasSize(80 * (1 + 3 * 240));
    for (int y = 0; y < 80; y++) {
      assertThat(rows[y * (1 + 3 * 240)]).isIn((byte) 0, (byte) 2);
    }
  }

  @Test
  void givesTheSameBytesForTheSameImage() {
    assertThat(PngEncoder.encode(chartLike(BufferedImage.TYPE_INT_RGB, 300, 200)))
        .isEqualTo(PngEncoder.encode(chartLike(BufferedImage.TYPE_INT_RGB, 300, 200)));
  }

  /** White, a light grid, bars, antialiased text and a diagonal line: long runs and repeated rows. */
  private static BufferedImage chartLike(int type, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(0xE4E7EB));
      for (int y = 10; y < height; y += 20) {
        g.drawLine(0, y, width, y);
      }
      g.setColor(new Color(0x2F6FDE));
      for (int x = 20; x + 12 < width; x += 30) {
        g.fillRect(x, height / 3 + x % 17, 12, height);
      }
      g.setColor(new Color(0x1F2933));
      g.setStroke(new BasicStroke(2f));
      g.drawLine(0, height - 1, width - 1, 0);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString("Calls by hour", 10, 18);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static int[] pixels(BufferedImage image) {
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] &= 0xFFFFFF;
    }
    return rgb;
  }

  private record Chunk(String type, byte[] data) {}

  /** The file's chunks after its signature, checking each one's CRC. */
  private static List<Chunk> chunks(byte[] png) {
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
    List<Chunk> chunks = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] data = new byte[in.getInt()];
      byte[] type = new byte[4];
      in.get(type).get(data);
      CRC32 crc = new CRC32();
      crc.update(type);
      crc.update(data);
      assertThat(in.getInt()).as("CRC").isEqualTo((int) crc.getValue());
      chunks.add(new Chunk(new String(type, java.nio.charset.StandardCharsets.US_ASCII), data));
    }
    return chunks;
  }

  private static byte[] inflate(byte[] data) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(data);
    byte[] out = new byte[1 << 20];
    int length = inflater.inflate(out);
    assertThat(inflater.finished()).isTrue();
    inflater.end();
    return Arrays.copyOf(out, length);
  }
}
