using Academy.Learning.Certificates;

namespace Academy.Learning.Tests.Certificates;

public sealed class CertificateCodeTests
{
    [Fact]
    public void New_TenThousandTimes_GivesDistinctTwelveCharacterCrockfordCodes()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => CertificateCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("7KQ2M9XD4RTB")]
    [InlineData("7kq2-m9xd-4rtb")]
    [InlineData("  7KQ2 M9XD 4RTB  ")]
    [InlineData("7KQ2--M9XD - 4RTB")]
    public void TryNormalise_WhateverTheCaseSpacesAndHyphens_GivesTheStoredCode(string typed)
    {
        Assert.True(CertificateCode.TryNormalise(typed, out var code));
        Assert.Equal("7KQ2M9XD4RTB", code);
    }

    [Fact]
    public void TryNormalise_LettersThatLookLikeDigits_ReadsThemAsTheDigits()
    {
        Assert.True(CertificateCode.TryNormalise("OIL0-1111-0000", out var code));
        Assert.Equal("011011110000", code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("7KQ2-M9XD-4RT")]
    [InlineData("7KQ2-M9XD-4RTBX")]
    [InlineData("7KQ2-M9XD-4RTU")]
    [InlineData("7KQ2_M9XD_4RTB")]
    [InlineData("7KQ2\u0000M9XD4RTB")]
    [InlineData("7KQ2-M9XD-4RTÉ")]
    public void TryNormalise_WhatCannotBeACode_IsFalse(string typed)
    {
        Assert.False(CertificateCode.TryNormalise(typed, out _));
    }

    [Fact]
    public void Format_AStoredCode_GroupsItInFours()
    {
        Assert.Equal("7KQ2-M9XD-4RTB", CertificateCode.Format("7KQ2M9XD4RTB"));
    }
}
