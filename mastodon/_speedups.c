/* The entity converter of mastodon.types_base in C: an optional speed-up, never required.
 *
 * A Converter turns one decoded JSON object into its entity class by the same table that
 * types_base._loop_converter walks in Python (rows of key, JSON key, kind and the kind's classes):
 * a copy of the object into the class, then each field that needs converting replaced in place.
 * Anything that is not the common case (an object that is a dict subclass, a field of a class whose
 * converter is still Python) is handed to the Python code, so the two agree by construction on the
 * odd cases and tests/unit/test_speedups.py checks they agree on the common ones.
 *
 * A field that fails to convert with one of the conversion errors (TypeError, ValueError,
 * AttributeError, OverflowError) keeps the value the server sent, as in Python; any other error
 * propagates.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stddef.h>

enum kind { KIND_COPY, KIND_ENTITY, KIND_ENTITIES, KIND_LIST, KIND_ID, KIND_DATETIME, KIND_CALL };

typedef struct {
    PyObject *key;       /* where the entity holds the value */
    PyObject *source;    /* the JSON key it is read from */
    int kind;
    int leaf;            /* entity / entities: the class has no field to convert, a copy is all */
    PyObject *target;    /* entity class, list class or function, by kind */
    PyObject *list_type; /* entities: the list class holding them */
} Row;

typedef struct {
    PyObject_HEAD
    PyObject *cls;
    PyObject *fallback; /* the Python converter, for objects that are not plain dicts */
    int plain_new;      /* the class is built as a dict is: allocate, then merge */
    Py_ssize_t size;
    Row *rows;
    vectorcallfunc vectorcall;
} Converter;

/* Set once by configure(): the Python helpers the conversion shares with types_base. */
static PyObject *odd_value;      /* _odd: counts a value that does not fit its field */
static PyObject *from_iso;       /* datetime.fromisoformat */
static PyObject *slow_datetime;  /* _parse_datetime_slowly */
static PyObject *utc;            /* datetime.timezone.utc */
static PyObject *errors;         /* _CONVERSION_ERRORS */
static PyTypeObject *id_type;    /* MaybeSnowflakeIdType */
static PyObject *fast_name;      /* "_fast" */
static PyObject *empty_tuple;

static PyTypeObject ConverterType;

static PyObject *convert(Converter *self, PyObject *data);

static PyObject *
call_odd(PyObject *value)
{
    return PyObject_CallOneArg(odd_value, value);
}

/* Whether objects of cls are built as a dict is (no __new__ or __init__ of its own): allocate, then merge. */
static int
built_as_dict(PyObject *cls)
{
    return ((PyTypeObject *)cls)->tp_new == PyDict_Type.tp_new && ((PyTypeObject *)cls)->tp_init == PyDict_Type.tp_init;
}

/* Whether the cycle collector may have to look at obj (CPython's own test for a dict's keys and values). */
static int
may_be_tracked(PyObject *obj)
{
    if (Py_IS_TYPE(obj, id_type) || PyTuple_CheckExact(obj)) {
        return PyObject_GC_IsTracked(obj); /* ids made here are left untracked: see convert_id */
    }
    return PyObject_IS_GC(obj);
}

/* Stop the cycle collector from tracking an entity that holds no container, as CPython does for plain
 * dicts of strings and numbers: such an entity cannot be part of a cycle, and a program holding many of
 * them (a timeline fetched to the end) no longer pays for the collector visiting each one. Storing a
 * container in it later tracks it again (the dict's insertion does, for subclasses too). */
static void
untrack_if_flat(PyObject *entity)
{
    PyTypeObject *type = Py_TYPE(entity);
    if (type->tp_basicsize != PyDict_Type.tp_basicsize || type->tp_dictoffset != 0) {
        return; /* a class with slots or a __dict__ of its own: what they hold is not looked at here */
    }
    Py_ssize_t position = 0;
    PyObject *key, *value;
    while (PyDict_Next(entity, &position, &key, &value)) {
        if (may_be_tracked(key) || may_be_tracked(value)) {
            return;
        }
    }
    PyObject_GC_UnTrack(entity);
}

/* An object of class cls made from the JSON object data, as cls(data) makes it. */
static PyObject *
new_entity(PyObject *cls, int plain_new, PyObject *data)
{
    if (!plain_new) {
        return PyObject_CallOneArg(cls, data);
    }
    PyObject *entity = PyDict_Type.tp_new((PyTypeObject *)cls, empty_tuple, NULL);
    if (entity != NULL && PyDict_Merge(entity, data, 1) < 0) {
        Py_CLEAR(entity);
    }
    return entity;
}

/* The converter of a class with fields to convert (its _fast: a Converter, or Python while it warms up). */
static PyObject *
fast_of(PyObject *cls)
{
    return PyObject_GetAttr(cls, fast_name);
}

/* One nested entity: a copy for a class with nothing to convert (leaf), else through fast, its converter. */
static PyObject *
convert_child(PyObject *cls, int leaf, PyObject *fast, PyObject *value)
{
    if (leaf) {
        if (PyDict_Check(value)) {
            PyObject *entity = new_entity(cls, PyType_Check(cls) && built_as_dict(cls), value);
            if (entity != NULL && PyDict_Check(entity)) {
                untrack_if_flat(entity);
            }
            return entity;
        }
        return call_odd(value);
    }
    if (Py_IS_TYPE(fast, &ConverterType) && PyDict_CheckExact(value)) {
        return convert((Converter *)fast, value);
    }
    return PyObject_CallOneArg(fast, value);
}

static PyObject *
convert_entity(Row *row, PyObject *value)
{
    if (row->leaf) {
        return convert_child(row->target, 1, NULL, value);
    }
    PyObject *fast = fast_of(row->target);
    if (fast == NULL) {
        return NULL;
    }
    PyObject *result = convert_child(row->target, 0, fast, value);
    Py_DECREF(fast);
    return result;
}

static PyObject *
convert_entities(Row *row, PyObject *value)
{
    if (!PyList_CheckExact(value)) {
        return call_odd(value);
    }
    if (PyList_GET_SIZE(value) == 0) {
        return PyObject_CallNoArgs(row->list_type);
    }
    PyObject *fast = NULL;
    if (!row->leaf && (fast = fast_of(row->target)) == NULL) {
        return NULL;
    }
    PyObject *items = PyList_New(0);
    if (items == NULL) {
        Py_XDECREF(fast);
        return NULL;
    }
    /* The list is read by index each time: a converter running Python code could change it. */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(value); i++) {
        PyObject *item = PyList_GET_ITEM(value, i);
        Py_INCREF(item);
        PyObject *converted = convert_child(row->target, row->leaf, fast, item);
        Py_DECREF(item);
        if (converted == NULL || PyList_Append(items, converted) < 0) {
            Py_XDECREF(converted);
            Py_DECREF(items);
            Py_XDECREF(fast);
            return NULL;
        }
        Py_DECREF(converted);
    }
    Py_XDECREF(fast);
    PyObject *result = PyObject_CallOneArg(row->list_type, items);
    Py_DECREF(items);
    return result;
}

/* str.isdigit, without a method call. */
static int
all_digits(PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (length == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        if (!Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

/* As types_base.parse_datetime: the C parser, the slow path for what it cannot read, for an offset
 * other than UTC and for digits only (a Unix timestamp). A date without offset stays naive. */
static PyObject *
convert_datetime(PyObject *value)
{
    PyObject *parsed = PyObject_CallOneArg(from_iso, value);
    if (parsed == NULL) {
        if (!PyErr_ExceptionMatches(errors)) {
            return NULL;
        }
        PyErr_Clear();
        return PyObject_CallOneArg(slow_datetime, value);
    }
    if (PyDateTime_Check(parsed) && PyUnicode_Check(value)) {
        PyObject *zone = PyDateTime_DATE_GET_TZINFO(parsed);
        if (zone == utc || (zone == Py_None && !all_digits(value))) {
            return parsed;
        }
    }
    Py_DECREF(parsed);
    return PyObject_CallOneArg(slow_datetime, value);
}

static PyObject *
convert_id(PyObject *value)
{
    if (PyUnicode_CheckExact(value) || PyLong_CheckExact(value)) {
        PyObject *args = PyTuple_Pack(1, value);
        if (args == NULL) {
            return NULL;
        }
        PyObject *result = PyUnicode_Type.tp_new(id_type, args, NULL);
        Py_DECREF(args);
        /* Instances of a Python class are tracked by the cycle collector, but an id is a string: it refers
         * to nothing and can be in no cycle. Untracked, it no longer keeps its entity tracked either. */
        if (result != NULL && PyObject_GC_IsTracked(result)) {
            PyObject_GC_UnTrack(result);
        }
        return result;
    }
    return call_odd(value);
}

static PyObject *
convert_field(Row *row, PyObject *value)
{
    switch (row->kind) {
    case KIND_COPY:
        Py_INCREF(value);
        return value;
    case KIND_ENTITY:
        return convert_entity(row, value);
    case KIND_ENTITIES:
        return convert_entities(row, value);
    case KIND_LIST:
        if (PyList_CheckExact(value)) {
            return PyObject_CallOneArg(row->target, value);
        }
        Py_INCREF(value);
        return value;
    case KIND_ID:
        return convert_id(value);
    case KIND_DATETIME:
        return convert_datetime(value);
    default:
        return PyObject_CallOneArg(row->target, value);
    }
}

static PyObject *
convert(Converter *self, PyObject *data)
{
    if (!PyDict_CheckExact(data)) {
        return PyObject_CallOneArg(self->fallback, data);
    }
    /* Entities nest (a reblog's quote's account ...): as deep as a hostile server likes, but not past the
     * interpreter's recursion limit, as the Python converter would not go. */
    if (Py_EnterRecursiveCall(" while converting an entity")) {
        return NULL;
    }
    PyObject *entity = new_entity(self->cls, self->plain_new, data);
    if (entity == NULL) {
        Py_LeaveRecursiveCall();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < self->size; i++) {
        Row *row = &self->rows[i];
        PyObject *value = PyDict_GetItemWithError(data, row->source);
        if (value == NULL) {
            if (PyErr_Occurred()) {
                goto failed;
            }
            continue;
        }
        if (value == Py_None) {
            continue;
        }
        Py_INCREF(value);
        PyObject *converted = convert_field(row, value);
        Py_DECREF(value);
        if (converted != NULL) {
            int stored = PyObject_SetItem(entity, row->key, converted);
            Py_DECREF(converted);
            if (stored == 0) {
                continue;
            }
        }
        if (!PyErr_ExceptionMatches(errors)) {
            goto failed;
        }
        PyErr_Clear(); /* the field keeps the value the server sent */
    }
    Py_LeaveRecursiveCall();
    if (PyDict_Check(entity)) {
        untrack_if_flat(entity);
    }
    return entity;
failed:
    Py_LeaveRecursiveCall();
    Py_DECREF(entity);
    return NULL;
}

static PyObject *
converter_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t count = PyVectorcall_NARGS(nargsf);
    if (count != 1 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_Format(PyExc_TypeError, "a converter takes one decoded JSON value, not %zd arguments", count);
        return NULL;
    }
    return convert((Converter *)callable, args[0]);
}

static int
kind_named(PyObject *name)
{
    static const char *names[] = {"copy", "entity", "entities", "list", "id", "datetime", "call"};
    for (int kind = 0; kind < 7; kind++) {
        if (PyUnicode_CompareWithASCIIString(name, names[kind]) == 0) {
            return kind;
        }
    }
    PyErr_Format(PyExc_ValueError, "no converter kind %R (copy, entity, entities, list, id, datetime, call)", name);
    return -1;
}

static void
converter_clear_rows(Converter *self)
{
    for (Py_ssize_t i = 0; i < self->size; i++) {
        Py_CLEAR(self->rows[i].key);
        Py_CLEAR(self->rows[i].source);
        Py_CLEAR(self->rows[i].target);
        Py_CLEAR(self->rows[i].list_type);
    }
    PyMem_Free(self->rows);
    self->rows = NULL;
    self->size = 0;
}

/* Converter(cls, rows, fallback): rows are (key, source, kind, target, list_type, leaf). */
static PyObject *
converter_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *cls, *rows, *fallback;
    static char *keywords[] = {"cls", "rows", "fallback", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O:Converter", keywords, &PyType_Type, &cls, &PyTuple_Type,
                                     &rows, &fallback)) {
        return NULL;
    }
    if (odd_value == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "mastodon._speedups.configure() has to be called before a Converter is made");
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)cls, &PyDict_Type)) {
        PyErr_Format(PyExc_TypeError, "Converter builds dict subclasses, not %R", cls);
        return NULL;
    }
    Converter *self = (Converter *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = converter_vectorcall;
    self->cls = Py_NewRef(cls);
    self->fallback = Py_NewRef(fallback);
    self->plain_new = built_as_dict(cls);
    Py_ssize_t size = PyTuple_GET_SIZE(rows);
    self->rows = PyMem_Calloc(size ? size : 1, sizeof(Row));
    if (self->rows == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        PyObject *key, *source, *kind_name, *target, *list_type;
        int leaf;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(rows, i), "UUUOOp:Converter row", &key, &source, &kind_name, &target,
                              &list_type, &leaf)) {
            Py_DECREF(self);
            return NULL;
        }
        int kind = kind_named(kind_name);
        if (kind < 0) {
            Py_DECREF(self);
            return NULL;
        }
        int wants_class = kind == KIND_ENTITY || kind == KIND_ENTITIES;
        if ((wants_class && !PyType_Check(target)) || (kind == KIND_ENTITIES && !PyType_Check(list_type)) ||
            ((kind == KIND_LIST || kind == KIND_CALL) && !PyCallable_Check(target))) {
            PyErr_Format(PyExc_TypeError, "the %U row of field %R needs a class or function, not %R and %R", kind_name,
                         key, target, list_type);
            Py_DECREF(self);
            return NULL;
        }
        self->size = i + 1;
        Row *row = &self->rows[i];
        row->key = Py_NewRef(key);
        row->source = Py_NewRef(source);
        row->kind = kind;
        row->leaf = leaf;
        row->target = Py_NewRef(target);
        row->list_type = Py_NewRef(list_type);
    }
    return (PyObject *)self;
}

static int
converter_traverse(Converter *self, visitproc visit, void *arg)
{
    Py_VISIT(self->cls);
    Py_VISIT(self->fallback);
    for (Py_ssize_t i = 0; i < self->size; i++) {
        Py_VISIT(self->rows[i].target);
        Py_VISIT(self->rows[i].list_type);
    }
    return 0;
}

static int
converter_clear(Converter *self)
{
    Py_CLEAR(self->cls);
    Py_CLEAR(self->fallback);
    converter_clear_rows(self);
    return 0;
}

static void
converter_dealloc(Converter *self)
{
    PyObject_GC_UnTrack(self);
    converter_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
converter_repr(Converter *self)
{
    return PyUnicode_FromFormat("<C converter of %R>", self->cls);
}

static PyObject *
converter_get_cls(Converter *self, void *closure)
{
    return Py_NewRef(self->cls);
}

static PyGetSetDef converter_getset[] = {
    {"cls", (getter)converter_get_cls, NULL, "The entity class this converter builds.", NULL},
    {NULL},
};

static PyTypeObject ConverterType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "mastodon._speedups.Converter",
    .tp_basicsize = sizeof(Converter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Converter(cls, rows, fallback): turns one decoded JSON object into an entity of cls.",
    .tp_new = converter_new,
    .tp_dealloc = (destructor)converter_dealloc,
    .tp_traverse = (traverseproc)converter_traverse,
    .tp_clear = (inquiry)converter_clear,
    .tp_repr = (reprfunc)converter_repr,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(Converter, vectorcall),
    .tp_getset = converter_getset,
};

static PyObject *
configure(PyObject *module, PyObject *args)
{
    PyObject *odd, *iso, *slow, *zone, *error_types, *ids;
    if (!PyArg_ParseTuple(args, "OOOOO!O!:configure", &odd, &iso, &slow, &zone, &PyTuple_Type, &error_types,
                          &PyType_Type, &ids)) {
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)ids, &PyUnicode_Type)) {
        PyErr_Format(PyExc_TypeError, "the id type must be a str subclass, not %R", ids);
        return NULL;
    }
    Py_XSETREF(odd_value, Py_NewRef(odd));
    Py_XSETREF(from_iso, Py_NewRef(iso));
    Py_XSETREF(slow_datetime, Py_NewRef(slow));
    Py_XSETREF(utc, Py_NewRef(zone));
    Py_XSETREF(errors, Py_NewRef(error_types));
    Py_XSETREF(id_type, (PyTypeObject *)Py_NewRef(ids));
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"configure", configure, METH_VARARGS,
     "configure(odd, fromisoformat, slow_datetime, utc, errors, id_type): the helpers shared with types_base."},
    {NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "mastodon._speedups",
    .m_doc = "The entity converter in C (optional; mastodon.types_base works without it).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    if (PyType_Ready(&ConverterType) < 0) {
        return NULL;
    }
    fast_name = PyUnicode_InternFromString("_fast");
    empty_tuple = PyTuple_New(0);
    if (fast_name == NULL || empty_tuple == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_definition);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(module, "Converter", (PyObject *)&ConverterType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
