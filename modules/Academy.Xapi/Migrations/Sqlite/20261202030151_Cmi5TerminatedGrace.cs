using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cmi5TerminatedGrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Cmi5TerminatedAt",
                table: "XapiCredentials",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cmi5TerminatedAt",
                table: "XapiCredentials");
        }
    }
}
