using Microsoft.AspNetCore.Mvc;

namespace Academy.Exemplars.Pages.Returns;

/// A link (from an email or a bookmark) to a step a return has passed: change a submitted or approved return,
/// review a decided one. The person is shown the return, with a banner saying what happened (ReturnRules.WhatHappened).
public static class ClosedReturn
{
    public const string Query = "closed";

    public static IActionResult Show(int id) =>
        new RedirectToPageResult("/Returns/Return", new Microsoft.AspNetCore.Routing.RouteValueDictionary { ["area"] = "Exemplars", ["id"] = id, [Query] = "1" });
}

public sealed record RemoveItem(bool Show, string Text);

/// What _ReturnBody shows: the return, with change links or not, its section headings at this level (2 on the
/// return's own page, 3 when it sits inside another section).
public sealed record ReturnBody(Academy.Exemplars.Data.ProgressReturn Return, bool ChangeLinks, int HeadingLevel = 2);
