using Academy.Web;

namespace Academy.Web.Tests.Operations;

public sealed class CsvDownloadTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\")", "'=HYPERLINK(\"http://evil.test\")")]
    [InlineData("+44 20 7946 0000 call me", "'+44 20 7946 0000 call me")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    public void Cell_ThatASpreadsheetWouldRunAsAFormula_IsWrittenAsText(string value, string written) =>
        Assert.Equal(written, CsvDownload.Cell(value));

    [Theory]
    [InlineData("-250.00")]
    [InlineData("1234567.89")]
    [InlineData("City Hospitals Sunderland NHS Foundation Trust")]
    [InlineData("")]
    public void Cell_OfANumberOrPlainText_IsWrittenAsItIs(string value) =>
        Assert.Equal(value, CsvDownload.Cell(value));

    [Fact]
    public void File_IsUtf8WithAByteOrderMark_SoExcelReadsAccentedNames()
    {
        var file = CsvDownload.File(CsvDownload.Write(["Name"], [["Zoë Brontë"]]), "people.csv");

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.FileContents[..3]);
        Assert.Equal("Name\r\nZoë Brontë\r\n", System.Text.Encoding.UTF8.GetString(file.FileContents[3..]));
    }
}
