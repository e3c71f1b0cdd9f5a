using System.Text.Json.Nodes;

namespace Academy.Xapi.Contracts;

/// An agent as the LRS identifies it: by exactly one inverse functional identifier (Data 2.4.2.3):
/// an mbox, an mbox_sha1sum, an openid, or an account (homePage and name). Two statements are about
/// the same agent when their <see cref="Key"/>s are equal; the name of a person is not part of it.
public sealed record XapiAgent
{
    /// The homePage of every learner's account agent. It is an identifier, not a link: it never changes
    /// with the site's host name or configuration, because changing it would split every learner's
    /// history in two (statements already stored keep the old one).
    public const string LearnerHomePage = "https://academy.nhs.uk";

    public string? Mbox { get; init; }
    public string? MboxSha1Sum { get; init; }
    public string? OpenId { get; init; }
    public string? AccountHomePage { get; init; }
    public string? AccountName { get; init; }

    [System.Text.Json.Serialization.JsonConstructor]
    private XapiAgent() { }

    /// The agent of an Academy user, the one way every module names a learner in a statement:
    /// an account on <see cref="LearnerHomePage"/> whose name is the user id (the person's Academy user id,
    /// <c>User.UserId()</c>: the id ISignOutListener is told, so that sign-out revokes their launches).
    public static XapiAgent Learner(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return Account(LearnerHomePage, userId);
    }

    public static XapiAgent Account(string homePage, string name) => new() { AccountHomePage = homePage, AccountName = name };

    public static XapiAgent ForMbox(string mbox) => new() { Mbox = mbox.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? mbox : "mailto:" + mbox };

    public static XapiAgent ForMboxSha1Sum(string sha1) => new() { MboxSha1Sum = sha1.ToLowerInvariant() };

    public static XapiAgent ForOpenId(string openId) => new() { OpenId = openId };

    /// The agent a statement's actor (or any agent object) names; null when it names none (an anonymous group).
    public static XapiAgent? FromJson(JsonNode? agent)
    {
        if (agent is not JsonObject o) return null;
        if (o["mbox"] is JsonValue mbox) return new() { Mbox = mbox.GetValue<string>() };
        if (o["mbox_sha1sum"] is JsonValue sha) return new() { MboxSha1Sum = sha.GetValue<string>().ToLowerInvariant() };
        if (o["openid"] is JsonValue openId) return new() { OpenId = openId.GetValue<string>() };
        if (o["account"] is JsonObject account && account["homePage"] is JsonValue home && account["name"] is JsonValue name)
            return Account(home.GetValue<string>(), name.GetValue<string>());
        return null;
    }

    /// One string per agent, for comparing and indexing: "mbox:mailto:a@b", "mbox_sha1sum:...",
    /// "openid:...", "account:{homePage}|{name}".
    public string Key =>
        Mbox is not null ? "mbox:" + Mbox
        : MboxSha1Sum is not null ? "mbox_sha1sum:" + MboxSha1Sum
        : OpenId is not null ? "openid:" + OpenId
        : $"account:{AccountHomePage}|{AccountName}";

    /// The agent as a statement's actor: {"objectType":"Agent", and its one identifier}.
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["objectType"] = "Agent" };
        if (Mbox is not null) json["mbox"] = Mbox;
        else if (MboxSha1Sum is not null) json["mbox_sha1sum"] = MboxSha1Sum;
        else if (OpenId is not null) json["openid"] = OpenId;
        else json["account"] = new JsonObject { ["homePage"] = AccountHomePage, ["name"] = AccountName };
        return json;
    }

    public override string ToString() => Key;
}
