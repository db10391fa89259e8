/* sp-import-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <string.h>

#include "sp-import-private.h"

#define SEEN_INITIAL_CAPACITY 256

void
_sp_import_ids_init (SpImportIds *ids)
{
  ids->time_ms = (guint64)(g_get_real_time () / 1000) & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF);
  ids->rand_a = g_random_int () & 0xFFF;
  /* 62 bits of counter space; starting below 2^61 it never wraps. */
  ids->counter = (((guint64)g_random_int () << 32) | g_random_int ()) &
                 G_GUINT64_CONSTANT (0x1FFFFFFFFFFFFFFF);
  ids->formatted = FALSE;
}

static char *
put_hex (char    *out,
         guint64  value,
         guint    n_digits)
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = n_digits; i > 0; i--)
    {
      out[i - 1] = digits[value & 0xF];
      value >>= 4;
    }

  return out + n_digits;
}

static void
format_id (SpImportIds *ids,
           guint64      counter)
{
  char *p = ids->last;

  p = put_hex (p, ids->time_ms >> 16, 8);
  *p++ = '-';
  p = put_hex (p, ids->time_ms & 0xFFFF, 4);
  *p++ = '-';
  p = put_hex (p, 0x7000 | ids->rand_a, 4);
  *p++ = '-';
  p = put_hex (p, 0x8000 | ((counter >> 48) & 0x3FFF), 4);
  *p++ = '-';
  p = put_hex (p, counter & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF), 12);
  *p = '\0';
  ids->formatted = TRUE;
}

/* The next id is the last one plus one in its last group (12 hex digits,
 * the low 48 bits of the counter): counting in the text is cheaper than
 * formatting all 32 digits again. Only when those bits wrap to 0 does the
 * carry reach the group before, and the id is formatted whole. */
void
_sp_import_ids_next (SpImportIds *ids,
                     char         uuid[37])
{
  guint64 counter = ids->counter++;

  if (ids->formatted && (counter & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF)) != 0)
    {
      /* The last group was not all 'f' (its bits did not wrap): the carry
       * stops inside it. */
      for (int i = 35;; i--)
        {
          if (ids->last[i] != 'f')
            {
              ids->last[i] = ids->last[i] == '9' ? 'a' : ids->last[i] + 1;
              break;
            }
          ids->last[i] = '0';
        }
    }
  else
    format_id (ids, counter);

  memcpy (uuid, ids->last, 37);
}

void
_sp_import_seen_init (SpImportSeen *seen)
{
  seen->capacity = SEEN_INITIAL_CAPACITY;
  seen->slots = g_new0 (guint64, seen->capacity);
  seen->n_used = 0;
}

void
_sp_import_seen_clear (SpImportSeen *seen)
{
  g_clear_pointer (&seen->slots, g_free);
  seen->capacity = 0;
  seen->n_used = 0;
}

/* FNV-1a over the bytes, then a finalizer that spreads the bits. */
static guint64
hash_keys (const char *key,
           const char *key2)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *)key; *p != '\0'; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  if (key2 != NULL)
    {
      h = (h ^ 0xFF) * G_GUINT64_CONSTANT (0x100000001b3);
      for (const guchar *p = (const guchar *)key2; *p != '\0'; p++)
        h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
    }

  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;

  return h != 0 ? h : 1;   /* 0 marks a free slot */
}

static gboolean
insert_hash (guint64 *slots,
             gsize    capacity,
             guint64  h)
{
  gsize mask = capacity - 1;

  for (gsize i = h & mask;; i = (i + 1) & mask)
    {
      if (slots[i] == h)
        return FALSE;
      if (slots[i] == 0)
        {
          slots[i] = h;
          return TRUE;
        }
    }
}

/* Returns: %TRUE when the key is new, %FALSE when it was (probably) seen */
gboolean
_sp_import_seen_add (SpImportSeen *seen,
                     const char   *key,
                     const char   *key2)
{
  /* Up to three quarters full: a million keys fit in 16 MiB. */
  if (seen->n_used * 4 >= seen->capacity * 3)
    {
      gsize capacity = seen->capacity * 2;
      guint64 *slots = g_new0 (guint64, capacity);

      for (gsize i = 0; i < seen->capacity; i++)
        if (seen->slots[i] != 0)
          insert_hash (slots, capacity, seen->slots[i]);

      g_free (seen->slots);
      seen->slots = slots;
      seen->capacity = capacity;
    }

  if (!insert_hash (seen->slots, seen->capacity, hash_keys (key, key2)))
    return FALSE;

  seen->n_used++;
  return TRUE;
}
