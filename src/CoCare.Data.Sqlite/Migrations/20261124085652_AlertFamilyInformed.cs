using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlertFamilyInformed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FamilyInformedAt",
                table: "alr_alerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyInformedBy",
                table: "alr_alerts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InformFamily",
                table: "alr_alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FamilyInformedAt",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "FamilyInformedBy",
                table: "alr_alerts");

            migrationBuilder.DropColumn(
                name: "InformFamily",
                table: "alr_alerts");
        }
    }
}
