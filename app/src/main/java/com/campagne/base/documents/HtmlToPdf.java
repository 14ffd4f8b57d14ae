package com.campagne.base.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Renders an XHTML page (with CSS paged media: {@code @page}, counters, repeated table headers) to PDF.
 * The font is bundled (DejaVu Sans, {@code fonts/}): the PDF must not depend on the fonts of the server, and
 * French needs glyphs for « », ’, € and the no-break spaces (U+00A0, U+202F) that number formats insert.
 * Documents use {@code font-family: 'DejaVu Sans'}; the family is {@link #FONT_FAMILY}.
 */
public final class HtmlToPdf {

    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private HtmlToPdf() {
    }

    /** The PDF of a well-formed XHTML document. */
    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withProducer("Campagne");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }

    /** Text for an XHTML element or attribute: the five markup characters escaped. */
    /**
     * The rules every white-label document shares (plan, client report): agency line, logo, the facts table
     * of the heading and the data grids with headers in the agency's colour, repeated on every page.
     */
    public static String brandedStyles(String color) {
        return ".agency { font-size: 9pt; color: #555; }"
                + "table { border-collapse: collapse; }"
                + "table.head { width: 100%; } table.head td { vertical-align: top; }"
                + "img.logo { max-height: 16mm; max-width: 60mm; }"
                + "table.facts td { padding: 0.6mm 4mm 0.6mm 0; vertical-align: top; }"
                + "table.facts td.k { color: #666; white-space: nowrap; }"
                + "table.grid { width: 100%; -fs-table-paginate: paginate; }"
                + "table.grid thead { display: table-header-group; }"
                + "table.grid th { background-color: " + color
                + "; color: #fff; font-weight: bold; text-align: left; padding: 1.2mm 1.5mm; }"
                + "table.grid td { padding: 1mm 1.5mm; border-bottom: 0.5pt solid #ddd; vertical-align: top; }"
                + "table.grid tr { page-break-inside: avoid; }"
                + "table.grid tr.total td { font-weight: bold; border-top: 1pt solid #999; }"
                + ".num { text-align: right; white-space: nowrap; }"
                + "table.grid th.num { text-align: right; }";
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An image as a data URI, for documents that must not fetch anything. */
    public static String dataUri(byte[] bytes, String contentType) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] load(String resource) {
        try (InputStream in = HtmlToPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
