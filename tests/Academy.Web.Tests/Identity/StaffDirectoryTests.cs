using Academy.Identity.Data;
using Academy.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Web.Tests.Identity;

public sealed class StaffDirectoryTests(AcademySite site) : IClassFixture<AcademySite>
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@directory.test";

    private Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, string? trust) =>
        site.WithServicesAsync(services => services.GetRequiredService<IStaffDirectory>().InRoleAsync(role, trust));

    [Fact]
    public async Task InRole_WithATrust_ListsOnlyThatTrustsPeopleInThatRoleByName()
    {
        var leadA1 = NewEmail("lead-a");
        var leadA2 = NewEmail("lead-a");
        var leadB = NewEmail("lead-b");
        var ccioA = NewEmail("ccio-a");
        await site.CreateUserAsync(leadA1, [Roles.TrustLead], "RGR", name: "Zoe Lead");
        await site.CreateUserAsync(leadA2, [Roles.TrustLead, Roles.Learner], "RGR", name: "Amy Lead");
        await site.CreateUserAsync(leadB, [Roles.TrustLead], "RAL");
        await site.CreateUserAsync(ccioA, [Roles.Ccio], "RGR");

        var leadsOfA = await InRoleAsync(Roles.TrustLead, "RGR");
        var everyLead = await InRoleAsync(Roles.TrustLead, null);

        Assert.Equal([new StaffMember(leadA2, "Amy Lead", "RGR"), new StaffMember(leadA1, "Zoe Lead", "RGR")], leadsOfA.Where(p => p.Email.EndsWith("@directory.test", StringComparison.Ordinal)));
        Assert.Contains(everyLead, p => p.Email == leadB && p.TrustOdsCode == "RAL");
        Assert.DoesNotContain(everyLead, p => p.Email == ccioA);
    }

    [Fact]
    public async Task InRole_LeavesOutDisabledAccountsButNotOnesLockedOutForAWhile()
    {
        var disabled = NewEmail("reviewer-disabled");
        var lockedForNow = NewEmail("reviewer-locked");
        var active = NewEmail("reviewer-active");
        foreach (var email in new[] { disabled, lockedForNow, active }) await site.CreateUserAsync(email, [Roles.NationalReviewer]);
        await site.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AcademyUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(disabled))!, DateTimeOffset.MaxValue);
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(lockedForNow))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var reviewers = (await InRoleAsync(Roles.NationalReviewer, null)).Select(p => p.Email).ToList();

        Assert.Contains(active, reviewers);
        Assert.Contains(lockedForNow, reviewers);
        Assert.DoesNotContain(disabled, reviewers);
        Assert.DoesNotContain(AcademySite.AdminEmail, reviewers);
    }
}
