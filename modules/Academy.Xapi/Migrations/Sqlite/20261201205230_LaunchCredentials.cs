using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Xapi.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LaunchCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                table: "XapiCredentials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchActivityId",
                table: "XapiCredentials",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchAgent",
                table: "XapiCredentials",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LaunchRegistration",
                table: "XapiCredentials",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiCredentials_ExpiresAt",
                table: "XapiCredentials",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_XapiCredentials_LaunchAgent",
                table: "XapiCredentials",
                column: "LaunchAgent");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_XapiCredentials_ExpiresAt",
                table: "XapiCredentials");

            migrationBuilder.DropIndex(
                name: "IX_XapiCredentials_LaunchAgent",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "LaunchActivityId",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "LaunchAgent",
                table: "XapiCredentials");

            migrationBuilder.DropColumn(
                name: "LaunchRegistration",
                table: "XapiCredentials");
        }
    }
}
