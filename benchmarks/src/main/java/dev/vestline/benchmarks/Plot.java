package dev.vestline.benchmarks;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The PNG of a run: throughput per system and measurement on the left, end-to-end latency
 * percentiles per system on the right.
 */
final class Plot {

	private Plot() {
	}

	static void write(Results results, Path file) {
		BufferedImage left = BitmapEncoder.getBufferedImage(throughput(results));
		BufferedImage right = BitmapEncoder.getBufferedImage(latency(results));
		BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(),
				Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = both.createGraphics();
		graphics.drawImage(left, 0, 0, null);
		graphics.drawImage(right, left.getWidth(), 0, null);
		graphics.dispose();
		try {
			Files.createDirectories(file.getParent());
			ImageIO.write(both, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CategoryChart throughput(Results results) {
		CategoryChart chart = new CategoryChartBuilder().width(900)
			.height(560)
			.title("Throughput, median of runs (events/s)")
			.yAxisTitle("events/s")
			.build();
		style(chart);
		List<String> measures = results.figures().stream().map(Figure::measure).distinct().toList();
		List<String> systems = results.figures().stream().map(Figure::system).distinct().toList();
		for (String system : systems) {
			List<Double> medians = measures.stream()
				.map((measure) -> results.median(measure, system))
				.map((median) -> median.isNaN() ? 0.0 : median)
				.toList();
			chart.addSeries(system, new ArrayList<>(measures), medians);
		}
		if (systems.isEmpty()) {
			chart.addSeries("none", List.of("relay"), List.of(0));
		}
		return chart;
	}

	private static CategoryChart latency(Results results) {
		CategoryChart chart = new CategoryChartBuilder().width(700)
			.height(560)
			.title("End to end at steady load (ms, commit to consumer commit, log scale)")
			.yAxisTitle("ms")
			.build();
		style(chart);
		// milliseconds and tens of seconds side by side: on a linear axis the fast
		// systems
		// are invisible
		chart.getStyler().setYAxisLogarithmic(true);
		// a bar chart's axis otherwise starts at 0, which a log axis cannot show
		chart.getStyler().setYAxisMin(1.0);
		List<String> percentiles = List.of("p50", "p99", "p99.9");
		results.latencies().forEach((system, result) -> {
			var p = result.percentiles();
			chart.addSeries(system, new ArrayList<>(percentiles), List.of(p.p50(), p.p99(), p.p999()));
		});
		if (results.latencies().isEmpty()) {
			chart.addSeries("none", List.of("p50"), List.of(0));
		}
		return chart;
	}

	private static void style(CategoryChart chart) {
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
		chart.getStyler().setOverlapped(false);
		chart.getStyler().setLabelsVisible(true);
		chart.getStyler().setYAxisDecimalPattern("#,###");
	}

}
