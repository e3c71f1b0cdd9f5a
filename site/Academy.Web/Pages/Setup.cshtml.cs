using System.ComponentModel.DataAnnotations;
using Academy.Identity.Data;
using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using Academy.Web.Recipes;
using Academy.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Web.Pages;

/// The first-run page, like Orchard Core's setup screen. Once the site is set up it answers 404.
[AllowAnonymous]
public sealed class SetupModel(ISiteSettingsStore site, SetupService setup, RecipeExecutor recipes, SignInManager<AcademyUser> signIn, UserManager<AcademyUser> users) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<RecipeDescriptor> Recipes { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a site name"), MaxLength(200, ErrorMessage = "Site name must be 200 characters or fewer")]
        public string SiteName { get; set; } = "NHS Digital Academy";

        [Required(ErrorMessage = "Enter the administrator's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@nhs.net")]
        public string AdminEmail { get; set; } = "";

        [Required(ErrorMessage = "Enter a password")]
        [MinLength(12, ErrorMessage = "Password must be at least 12 characters long")]
        public string AdminPassword { get; set; } = "";

        [Required(ErrorMessage = "Confirm the password")]
        [Compare(nameof(AdminPassword), ErrorMessage = "Passwords must match")]
        public string ConfirmPassword { get; set; } = "";

        public string? Recipe { get; set; } = "starter";
        public bool AllowRegistration { get; set; }
    }

    public bool HasError(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0;
    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await site.GetAsync() is not null) return NotFound();
        Recipes = recipes.List().Where(r => r.IsSetupRecipe).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await site.GetAsync() is not null) return NotFound();
        Recipes = recipes.List().Where(r => r.IsSetupRecipe).ToList();
        this.ThrowIfAny(!string.IsNullOrEmpty(Input.Recipe) && Recipes.All(r => r.Name != Input.Recipe)
            ? [("Input.Recipe", "Select starter content from the list")] : [], StatusCodes.Status200OK);

        var result = await setup.RunAsync(new SetupRequest(Input.SiteName, Input.AdminEmail, Input.AdminPassword, Input.Recipe, Input.AllowRegistration), cancellationToken);
        switch (result)
        {
            case SetupResult.AlreadySetUp:
                return NotFound();
            case SetupResult.Refused refused:
                throw FormValidation.Problem("Input." + refused.Field, refused.Message, StatusCodes.Status200OK);
        }
        var admin = await users.FindByEmailAsync(Input.AdminEmail);
        await signIn.SignInAsync(admin!, isPersistent: false);
        return RedirectToPage("/Index");
    }
}
