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

	/**
	 * One bar per measured (measurement, system) pair, on a log axis: the peers' hundreds
	 * and the producer's hundred thousands side by side. One series per system instead
	 * would give every system a bar, empty or not, in every measurement.
	 */
	private static CategoryChart throughput(Results results) {
		CategoryChart chart = new CategoryChartBuilder().width(1000)
			.height(820)
			.title("Throughput, median of runs (per second, log scale)")
			.yAxisTitle("per second")
			.build();
		style(chart);
		chart.getStyler().setLegendVisible(false);
		chart.getStyler().setXAxisLabelRotation(90);
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setYAxisMin(100.0);
		List<String> bars = new ArrayList<>();
		List<Double> medians = new ArrayList<>();
		for (Figure figure : results.figures()) {
			if (!figure.runs().isEmpty()) {
				bars.add(figure.measure() + ": " + shortName(figure.system()));
				medians.add(figure.median());
			}
		}
		if (bars.isEmpty()) {
			bars.add("none");
			medians.add(100.0);
		}
		chart.addSeries("median", bars, medians);
		return chart;
	}

	/**
	 * A system's name without what lies between its first and last comma: the bar labels
	 * must stay readable.
	 */
	private static String shortName(String system) {
		int comma = system.indexOf(',');
		return (comma > 0) ? system.substring(0, comma) + system.substring(system.lastIndexOf(',')) : system;
	}

	private static CategoryChart latency(Results results) {
		CategoryChart chart = new CategoryChartBuilder().width(700)
			.height(820)
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
