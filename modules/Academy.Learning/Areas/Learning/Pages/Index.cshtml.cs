using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Academy.Learning.Pages;

[Authorize]
public sealed class MyLearningModel : PageModel
{
    public void OnGet() { }
}
