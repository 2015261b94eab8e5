package io.supplytwin.ledger.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The four financing contracts as one chaincode, and the embedded ledger's router to them: finds the
 * {@code @Transaction} method named {@code contract:function} and passes Fabric-style string arguments, converted
 * to the method's parameter types as Fabric's own router would. On a Fabric peer, Fabric's
 * {@code ContractRouter} routes to the same methods.
 */
public final class FinancingChaincode {

    private record Function(ContractInterface target, Method method, boolean query) {
    }

    private final Map<String, Function> functions = new TreeMap<>();

    public FinancingChaincode() {
        this(List.of(new FinancingApplicationContract(), new CreditEvaluationContract(), new FundAllocationContract(),
                new RepaymentContract()));
    }

    public FinancingChaincode(List<ContractInterface> contracts) {
        for (ContractInterface contract : contracts) {
            Contract meta = contract.getClass().getAnnotation(Contract.class);
            if (meta == null) {
                throw new IllegalArgumentException(contract.getClass().getName() + " is not annotated @Contract");
            }
            for (Method m : contract.getClass().getMethods()) {
                Transaction tx = m.getAnnotation(Transaction.class);
                if (tx == null || !Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != Context.class) {
                    throw new IllegalArgumentException(m + " must take the Context first");
                }
                functions.put(meta.name() + ":" + m.getName(),
                        new Function(contract, m, tx.intent() == Transaction.TYPE.EVALUATE));
            }
        }
    }

    /** {@code contract:function} names this chaincode answers. */
    public List<String> functionNames() {
        return List.copyOf(functions.keySet());
    }

    public boolean knows(String contract, String function) {
        return functions.containsKey(contract + ":" + function);
    }

    /** Whether the function only reads (Fabric's EVALUATE intent). */
    public boolean isQuery(String contract, String function) {
        Function f = functions.get(contract + ":" + function);
        return f != null && f.query();
    }

    /** Runs one transaction function; contract failures come back as {@link ChaincodeException} with the reason. */
    public String invoke(Context ctx, String contract, String function, List<String> args) {
        Function f = functions.get(contract + ":" + function);
        if (f == null) {
            throw new ChaincodeException("no transaction function " + contract + ":" + function, "UNKNOWN_FUNCTION");
        }
        Class<?>[] types = f.method().getParameterTypes();
        if (args.size() != types.length - 1) {
            throw new ChaincodeException(contract + ":" + function + " takes " + (types.length - 1) + " arguments, got "
                    + args.size(), "BAD_ARGUMENT");
        }
        Object[] values = new Object[types.length];
        values[0] = ctx;
        for (int i = 1; i < types.length; i++) {
            values[i] = convert(args.get(i - 1), types[i], f.method().getParameters()[i].getName());
        }
        try {
            return (String) f.method().invoke(f.target(), values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChaincodeException ce) {
                throw ce;
            }
            throw new ChaincodeException("contract " + contract + ":" + function + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(String arg, Class<?> type, String name) {
        if (arg == null) {
            throw new ChaincodeException("argument " + name + " is missing", "BAD_ARGUMENT");
        }
        try {
            if (type == String.class) {
                return arg;
            } else if (type == double.class) {
                return Double.parseDouble(arg);
            } else if (type == long.class) {
                return Long.parseLong(arg);
            } else if (type == int.class) {
                return Integer.parseInt(arg);
            } else if (type == boolean.class) {
                return Boolean.parseBoolean(arg);
            }
        } catch (NumberFormatException e) {
            throw new ChaincodeException("argument " + name + " must be a " + type.getSimpleName() + ", got '" + arg + "'",
                    "BAD_ARGUMENT");
        }
        throw new IllegalStateException("unsupported parameter type " + type);
    }
}
