package com.campagne.base.documents;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles every white-label workbook shares (media plan, client report): the title in the agency's
 * colour and the header rows filled with it, in white bold.
 */
public final class BrandedXlsx {

    private BrandedXlsx() {
    }

    /** Bold, 14 pt, in the brand colour ("#1f4e79"). */
    public static CellStyle title(XSSFWorkbook book, String brandColor) {
        XSSFFont font = book.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        font.setColor(new XSSFColor(rgb(brandColor)));
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }

    /** White bold on the brand colour, wrapped, with a thin line under. */
    public static CellStyle header(XSSFWorkbook book, String brandColor) {
        XSSFFont font = book.createFont();
        font.setBold(true);
        font.setColor(new XSSFColor(new byte[]{(byte) 255, (byte) 255, (byte) 255}));
        XSSFCellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(new XSSFColor(rgb(brandColor)));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static byte[] rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new byte[]{(byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
