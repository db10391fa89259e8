/* sp-store-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_STORE_ERROR (sp_store_error_quark ())

typedef enum
{
  SP_STORE_ERROR_OPEN = 1,
  SP_STORE_ERROR_SCHEMA,
  SP_STORE_ERROR_SQL,
  SP_STORE_ERROR_CONSTRAINT,
  SP_STORE_ERROR_NOT_FOUND,
  SP_STORE_ERROR_IMPORT,
  SP_STORE_ERROR_CONFLICT,
} SpStoreError;

GQuark sp_store_error_quark (void);

G_END_DECLS
