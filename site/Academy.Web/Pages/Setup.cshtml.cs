using Academy.Identity.Accounts;
using Academy.Identity.Data;
using Academy.Modules;
using Academy.Theme.Nhs.Forms;
using Academy.Web.Recipes;
using Academy.Web.Setup;
using FluentValidation;
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
        public string? SiteName { get; set; } = "NHS Digital Academy";
        public string? AdminEmail { get; set; }
        public string? AdminPassword { get; set; }
        public string? ConfirmPassword { get; set; }
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
        // 200, as before this page had a validator: its tests pin it (SetupPageTests).
        await this.ThrowIfInvalidAsync(new Validator(), cancellationToken, StatusCodes.Status200OK);

        var result = await setup.RunAsync(new SetupRequest(Input.SiteName!, Input.AdminEmail!, Input.AdminPassword!, Input.Recipe, Input.AllowRegistration), cancellationToken);
        switch (result)
        {
            case SetupResult.AlreadySetUp:
                return NotFound();
            case SetupResult.Refused refused:
                throw FormValidation.Problem("Input." + refused.Field, refused.Message, StatusCodes.Status200OK);
        }
        var admin = await users.FindByEmailAsync(Input.AdminEmail!);
        await signIn.SignInAsync(admin!, isPersistent: false);
        return RedirectToPage("/Index");
    }

    /// The fields in page order, then the starter content (from the recipes the page lists, loaded before the call).
    public sealed class Validator : AbstractValidator<SetupModel>
    {
        public Validator()
        {
            RuleFor(p => p.Input.SiteName).NotEmpty().WithMessage("Enter a site name")
                .MaximumLength(200).WithMessage("Site name must be 200 characters or fewer");
            // Any address with one @ (ops@localhost included), as setup accepted before: sign-in and reset links check
            // the same way, so the administrator it creates can always sign in.
            RuleFor(p => p.Input.AdminEmail).NotEmpty().WithMessage("Enter the administrator's email address")
                .AnyEmailAddress();
            RuleFor(p => p.Input.AdminPassword).NotEmpty().WithMessage("Enter a password")
                .LongEnough();
            RuleFor(p => p.Input.ConfirmPassword).NotEmpty().WithMessage("Confirm the password")
                .Equal(p => p.Input.AdminPassword).WithMessage("Passwords must match");
            RuleFor(p => p.Input.Recipe).Must((p, recipe) => string.IsNullOrEmpty(recipe) || p.Recipes.Any(r => r.Name == recipe))
                .WithMessage("Select starter content from the list");
        }
    }
}
