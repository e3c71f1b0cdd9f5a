using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Xapi.Contracts;

namespace Academy.Xapi.Tests.Contracts;

/// XapiAgent: the one way modules name a learner, and how the feed names an actor.
public sealed class XapiAgentTests
{
    [Fact]
    public void Learner_IsAnAccountOnTheAcademyHomePageNamedByTheUserId()
    {
        var learner = XapiAgent.Learner("3f2a");

        Assert.Equal("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://academy.nhs.uk\",\"name\":\"3f2a\"}}", learner.ToJson().ToJsonString());
        Assert.Equal("account:https://academy.nhs.uk|3f2a", learner.Key);
    }

    [Theory]
    [InlineData("{\"mbox\":\"mailto:a@example.org\",\"name\":\"A\"}", "mbox:mailto:a@example.org")]
    [InlineData("{\"mbox_sha1sum\":\"ABCDEF\"}", "mbox_sha1sum:abcdef")]
    [InlineData("{\"openid\":\"https://id.example.org/a\"}", "openid:https://id.example.org/a")]
    [InlineData("{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.org\"}]}", null)]
    public void FromJson_NamesTheAgentByItsIdentifier(string json, string? key)
    {
        Assert.Equal(key, XapiAgent.FromJson(JsonNode.Parse(json))?.Key);
    }

    [Fact]
    public void Agent_RoundTripsThroughJsonSerializer()
    {
        var learner = XapiAgent.Learner("3f2a");

        var back = JsonSerializer.Deserialize<XapiAgent>(JsonSerializer.Serialize(learner));

        Assert.Equal(learner, back);
    }

    [Fact]
    public void Learner_WithoutAUserId_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => XapiAgent.Learner(" "));
    }
}
