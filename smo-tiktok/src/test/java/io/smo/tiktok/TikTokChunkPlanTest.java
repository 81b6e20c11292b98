package io.smo.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.tiktok.internal.TikTokUploadProtocol.ChunkPlan;
import io.smo.tiktok.internal.TikTokUploadProtocol.ChunkPlan.Rules;
import org.junit.jupiter.api.Test;

/** The chunk arithmetic of TikTok's Media Transfer Guide at its boundaries (no files needed). */
class TikTokChunkPlanTest {
  private static final long MIB5 = 5L * 1024 * 1024;
  private static final long MB64 = 64_000_000L;
  private static final Rules R = Rules.TIKTOK;

  private static void assertValid(ChunkPlan p) {
    long sum = 0;
    for (long i = 0; i < p.chunkCount(); i++) {
      long len = p.lengthOf(i);
      sum += len;
      if (p.chunkCount() > 1) {
        assertThat(len).isBetween(MIB5, i == p.chunkCount() - 1 ? 128_000_000L : MB64);
      }
    }
    assertThat(sum).isEqualTo(p.videoSize());
    assertThat(p.chunkCount())
        .isBetween(1L, 1000L)
        .isEqualTo(p.chunkCount() == 1 ? 1 : p.videoSize() / p.chunkSize());
  }

  @Test
  void docsExampleGivesFiveChunksTheLastWithTrailingBytes() {
    ChunkPlan p = ChunkPlan.of(50_000_123L, 10_000_000L, R);
    assertThat(p.chunkSize()).isEqualTo(10_000_000L);
    assertThat(p.chunkCount()).isEqualTo(5);
    assertThat(p.lengthOf(4)).isEqualTo(10_000_123L);
    assertThat(p.contentRange(40_000_000L, 10_000_123L))
        .isEqualTo("bytes 40000000-50000122/50000123");
    assertValid(p);
  }

  @Test
  void filesUnderFiveMegabytesGoUpWhole() {
    ChunkPlan p = ChunkPlan.of(MIB5 - 1, 1, R);
    assertThat(p.chunkSize()).isEqualTo(MIB5 - 1);
    assertThat(p.chunkCount()).isEqualTo(1);
    assertThat(ChunkPlan.of(1, 10_000_000L, R).chunkCount()).isEqualTo(1);
  }

  @Test
  void exactlyFiveMegabytesWithMinimumChunkIsOneChunk() {
    ChunkPlan p = ChunkPlan.of(MIB5, 1, R);
    assertThat(p.chunkCount()).isEqualTo(1);
    assertThat(p.chunkSize()).isEqualTo(MIB5);
    ChunkPlan two = ChunkPlan.of(2 * MIB5 + 1, 1, R);
    assertThat(two.chunkSize()).isEqualTo(MIB5);
    assertThat(two.chunkCount()).isEqualTo(2);
    assertThat(two.lengthOf(1)).isEqualTo(MIB5 + 1);
    assertValid(two);
  }

  @Test
  void preferredChunkIsClampedToSixtyFourMegabytes() {
    ChunkPlan p = ChunkPlan.of(1_000_000_000L, 500_000_000L, R);
    assertThat(p.chunkSize()).isEqualTo(MB64);
    assertThat(p.chunkCount()).isEqualTo(15);
    assertValid(p);
  }

  @Test
  void fileUpToSixtyFourMegabytesMayGoWholeButAboveMustBeChunked() {
    assertThat(ChunkPlan.of(MB64, MB64, R).chunkCount()).isEqualTo(1);
    ChunkPlan p = ChunkPlan.of(MB64 + 1, MB64, R);
    assertThat(p.chunkCount()).isEqualTo(2);
    assertValid(p);
    ChunkPlan q = ChunkPlan.of(127_999_999L, MB64, R);
    assertThat(q.chunkCount()).isEqualTo(2);
    assertValid(q);
  }

  @Test
  void lastChunkStaysWithinOneHundredTwentyEightMegabytes() {
    // 64 MB chunks: floor leaves up to 63,999,999 trailing bytes in the last chunk
    ChunkPlan p = ChunkPlan.of(3 * MB64 - 1, MB64, R);
    assertThat(p.chunkCount()).isEqualTo(2);
    assertThat(p.lengthOf(1)).isEqualTo(2 * MB64 - 1).isLessThanOrEqualTo(128_000_000L);
    assertValid(p);
  }

  @Test
  void atMostOneThousandChunks() {
    ChunkPlan p = ChunkPlan.of(1000 * MIB5 + 5, MIB5, R);
    assertThat(p.chunkCount()).isEqualTo(1000);
    assertValid(p);
    ChunkPlan more = ChunkPlan.of(1001 * MIB5, MIB5, R);
    assertThat(more.chunkCount()).isLessThanOrEqualTo(1000);
    assertThat(more.chunkSize()).isGreaterThan(MIB5);
    assertValid(more);
    ChunkPlan largest = ChunkPlan.of(R.maxVideoSize(), MB64, R);
    assertThat(largest.chunkCount()).isEqualTo(1000);
    assertValid(largest);
  }

  @Test
  void tooLargeForOneThousandChunksIsRefused() {
    assertThatThrownBy(() -> ChunkPlan.of(R.maxVideoSize() + 1, MB64, R))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChunkPlan.of(0, MB64, R)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lengthAtResumesFromChunkStarts() {
    ChunkPlan p = ChunkPlan.of(50_000_123L, 10_000_000L, R);
    assertThat(p.lengthAt(0)).isEqualTo(10_000_000L);
    assertThat(p.lengthAt(40_000_000L)).isEqualTo(10_000_123L);
  }
}
