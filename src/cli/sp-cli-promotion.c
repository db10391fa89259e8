/* sp-cli-promotion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli [--db PATH] promotion import FILE
 * stock-promotion-cli [--db PATH] promotion export [NUMBER]
 *
 * import reads {"promotions": [...]} (a promotion-workload/1 file or an
 * export) or a single promotion object, validates everything first (errors
 * name the JSON path), assigns numbers to promotions without one, and saves
 * all of them in one transaction; a promotion whose number is already saved
 * replaces that one's content (its number never changes). References to
 * SKUs and categories are checked when the promotions price orders.
 * export prints {"promotions": [...]} in number order; importing an export
 * and exporting again gives the same text.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-promotion-io.h"
#include "sp-promotion-json.h"

static GPtrArray *
read_promotions (const char  *filename,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) promotions = NULL;
  JsonNode *root;

  if (!json_parser_load_from_mapped_file (parser, filename, error))
    {
      g_prefix_error (error, "%s: ", filename);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      !json_object_has_member (json_node_get_object (root), "promotions"))
    {
      SpPromotion *promotion = sp_promotion_from_json (root, "$", error);

      if (promotion == NULL)
        return NULL;
      promotions = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (promotions, promotion);
      return g_steal_pointer (&promotions);
    }

  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("$: expected a JSON object"));
      return NULL;
    }

  return sp_promotions_from_json (root, error);
}

static const char *
stacking_nick (SpPromotion *promotion)
{
  return sp_promotion_get_stacking (promotion) == SP_STACKING_EXCLUSIVE ? "exclusive" : "stack";
}

static int
import_main (SpCliContext  *ctx,
             const char    *command,
             const char    *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) promotions = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_promotion_record_free);
  g_auto(GStrv) numbers = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_blank = 0, created = 0, updated = 0, next = 0;

  if (!(promotions = read_promotions (filename, &error)))
    return sp_cli_fail (command, error);

  for (guint i = 0; i < promotions->len; i++)
    {
      const char *number = sp_promotion_get_number (g_ptr_array_index (promotions, i));

      if (number == NULL)
        n_blank++;
      else if (!g_hash_table_add (seen, (gpointer)number))
        /* Translators: %1$u is a position in the file, %2$s a promotion number */
        return sp_cli_fail_message (command, _("$.promotions[%1$u].number: duplicate promotion number “%2$s”"),
                                    i, number);
    }

  if (n_blank > 0 && !(numbers = sp_promotion_io_reserve_numbers (ctx->db_path, n_blank, &error)))
    return sp_cli_fail (command, error);

  for (guint i = 0; i < promotions->len; i++)
    {
      SpPromotion *promotion = g_ptr_array_index (promotions, i);
      SpPromotionRecord *record = sp_promotion_record_new ();

      if (sp_promotion_get_number (promotion) == NULL)
        sp_promotion_set_number (promotion, numbers[next++]);

      record->number = g_strdup (sp_promotion_get_number (promotion));
      record->name = g_strdup (sp_promotion_get_name (promotion));
      record->description = g_strdup (sp_promotion_get_description (promotion));
      record->start_date = g_strdup (sp_promotion_get_start_date (promotion));
      record->end_date = g_strdup (sp_promotion_get_end_date (promotion));
      record->stacking = g_strdup (stacking_nick (promotion));
      record->definition = sp_promotion_to_json_string (promotion);
      g_ptr_array_add (records, record);
    }

  if (!sp_promotion_io_save (ctx->db_path, records, &created, &updated, &error))
    return sp_cli_fail (command, error);

  /* Translators: %1$u new promotions, %2$u updated ones */
  printf (_("Imported %1$u new and %2$u updated promotions:"), created, updated);
  for (guint i = 0; i < records->len; i++)
    printf (" %s", ((SpPromotionRecord *)g_ptr_array_index (records, i))->number);
  printf ("\n");
  return 0;
}

static int
export_main (SpCliContext  *ctx,
             const char    *command,
             const char    *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (!(records = sp_promotion_io_load (ctx->db_path, number, &error)))
    return sp_cli_fail (command, error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "promotions");
  json_builder_begin_array (builder);

  for (guint i = 0; i < records->len; i++)
    {
      SpPromotionRecord *record = g_ptr_array_index (records, i);
      g_autoptr(SpPromotion) promotion = NULL;

      /* Read back through the parser: what is exported is valid. */
      if (!(promotion = sp_promotion_from_json_string (record->definition, &error)))
        {
          g_prefix_error (&error, "promotion %s: ", record->number);
          return sp_cli_fail (command, error);
        }
      sp_promotion_set_number (promotion, record->number);
      json_builder_add_value (builder, sp_promotion_to_json (promotion));
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  printf ("%s\n", text);
  return 0;
}

int
sp_cli_promotion_main (SpCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;

  context = g_option_context_new (_("import FILE | export [NUMBER] — move promotions in and out of the workspace"));
  if (!sp_cli_parse_options (context, &argc, &argv, argv[0]))
    return 1;

  if (argc == 3 && strcmp (argv[1], "import") == 0)
    return import_main (ctx, argv[0], argv[2]);
  if ((argc == 2 || argc == 3) && strcmp (argv[1], "export") == 0)
    return export_main (ctx, argv[0], argc == 3 ? argv[2] : NULL);

  return sp_cli_fail_message (argv[0], "%s", _("expected “import FILE” or “export [NUMBER]”"));
}
