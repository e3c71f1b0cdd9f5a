using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cmi5Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Cmi5LaunchMode",
                table: "XapiCredentials",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Cmi5MasteryScore",
                table: "XapiCredentials",
                type: "TEXT",
                precision: 9,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cmi5SessionId",
                table: "XapiCredentials",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Cmi5State",
                table: "XapiCredentials",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cmi5LaunchMode",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "Cmi5MasteryScore",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "Cmi5SessionId",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "Cmi5State",
                table: "XapiCredentials");
        }
    }
}
